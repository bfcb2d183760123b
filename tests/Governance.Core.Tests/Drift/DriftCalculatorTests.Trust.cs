using Governance.Core.Drift;
using Governance.Core.Drift.Records;
using Governance.Core.Risk;
using static Governance.Core.Tests.Drift.DriftTestAccount;

namespace Governance.Core.Tests.Drift;

public sealed partial class DriftCalculatorTests
{
    private const string AccountRoot = """{"AWS":"arn:aws:iam::111122223333:root"}""";

    [Fact]
    public void Compare_TrustAlsoNamesAnotherAccount_HighPolicyDriftNamingIt()
    {
        // Arrange
        var desired = Desired(Role("analyst", ("read-lake", ReadLake)));
        var widened = TrustOf("""{"AWS":["arn:aws:iam::111122223333:root","arn:aws:iam::444455556666:root"]}""");
        var actual = State(AccountRole("analyst", ("read-lake", ReadLake)).WithTrust(widened));

        // Act
        var finding = Assert.Single(DriftCalculator.Compare(desired, actual, Now), static f => f.Kind == DriftKind.PolicyDrift);

        // Assert
        Assert.Equal(Analyst, finding.Principal);
        Assert.Equal(RiskSeverity.High, finding.Severity);
        Assert.StartsWith("trust policy differs from code in who may assume the role:", finding.Detail, StringComparison.Ordinal);
        Assert.Contains("`arn:aws:iam::444455556666:root` sts:AssumeRole: denied in code, allowed in the account", finding.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain("111122223333:root`", finding.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Compare_TrustRewrittenWithBareAccountIdListsAndSid_NoDrift()
    {
        // Arrange: the same account as a bare id in a list, the action in a list, and a Sid: AWS reads it alike
        const string rewritten = """{"Version":"2012-10-17","Statement":[{"Sid":"Org","Effect":"Allow","Principal":{"AWS":["111122223333"]},"Action":["sts:AssumeRole"]}]}""";
        var desired = Desired(Role("analyst", ("read-lake", ReadLake)));
        var actual = State(AccountRole("analyst", ("read-lake", ReadLake)).WithTrust(rewritten));

        // Act
        var findings = DriftCalculator.Compare(desired, actual, Now);

        // Assert
        Assert.Empty(findings);
    }

    [Fact]
    public void Compare_TrustDropsMfaCondition_HighPolicyDrift()
    {
        // Arrange
        var withMfa = TrustOf(AccountRoot, """{"Bool":{"aws:MultiFactorAuthPresent":"true"}}""");
        var desired = Desired(Role("analyst", ("read-lake", ReadLake)) with { TrustPolicy = withMfa });
        var actual = State(AccountRole("analyst", ("read-lake", ReadLake)));

        // Act
        var finding = Assert.Single(DriftCalculator.Compare(desired, actual, Now));

        // Assert
        Assert.Equal(RiskSeverity.High, finding.Severity);
        Assert.Contains("sts:AssumeRole: allowed if aws:MultiFactorAuthPresent in code, allowed in the account", finding.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Compare_TrustNarrowedFromAccountToOneRole_MediumPolicyDrift()
    {
        // Arrange
        var narrowed = TrustOf("""{"AWS":"arn:aws:iam::111122223333:role/admin"}""");
        var desired = Desired(Role("analyst", ("read-lake", ReadLake)));
        var actual = State(AccountRole("analyst", ("read-lake", ReadLake)).WithTrust(narrowed));

        // Act
        var finding = Assert.Single(DriftCalculator.Compare(desired, actual, Now));

        // Assert
        Assert.Equal(RiskSeverity.Medium, finding.Severity);
        Assert.Contains("`arn:aws:iam::111122223333:root` sts:AssumeRole: allowed in code, denied in the account", finding.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain("role/admin", finding.Detail, StringComparison.Ordinal); // the account admits it through root in code too
    }

    [Fact]
    public void Compare_TrustedServiceReplaced_HighPolicyDriftNamingBothServices()
    {
        // Arrange
        var desired = Desired(Role("analyst", ("read-lake", ReadLake)) with { TrustPolicy = TrustOf("""{"Service":"glue.amazonaws.com"}""") });
        var actual = State(AccountRole("analyst", ("read-lake", ReadLake)).WithTrust(TrustOf("""{"Service":"lambda.amazonaws.com"}""")));

        // Act
        var finding = Assert.Single(DriftCalculator.Compare(desired, actual, Now), static f => f.Kind == DriftKind.PolicyDrift);

        // Assert
        Assert.Equal(RiskSeverity.High, finding.Severity);
        Assert.Contains("`glue.amazonaws.com` sts:AssumeRole: allowed in code, denied in the account", finding.Detail, StringComparison.Ordinal);
        Assert.Contains("`lambda.amazonaws.com` sts:AssumeRole: denied in code, allowed in the account", finding.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Compare_TrustOpenToEveryone_HighPolicyDriftForAnyone()
    {
        // Arrange
        var desired = Desired(Role("analyst", ("read-lake", ReadLake)));
        var actual = State(AccountRole("analyst", ("read-lake", ReadLake)).WithTrust(TrustOf("\"*\"")));

        // Act
        var finding = Assert.Single(DriftCalculator.Compare(desired, actual, Now), static f => f.Kind == DriftKind.PolicyDrift);

        // Assert
        Assert.Equal(RiskSeverity.High, finding.Severity);
        Assert.Contains("anyone (`*`) sts:AssumeRole: denied in code, allowed in the account", finding.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Compare_AccountTrustPolicyIsNotJson_MediumPolicyDriftInsteadOfACrash()
    {
        // Arrange: the API's URL-encoded form, damaged
        var role = AccountRole("analyst", ("read-lake", ReadLake));
        role["AssumeRolePolicyDocument"] = "%7B%22Version%22%3A";
        var actual = State(role);

        // Act
        var finding = Assert.Single(DriftCalculator.Compare(Desired(Role("analyst", ("read-lake", ReadLake))), actual, Now));

        // Assert
        Assert.Equal(RiskSeverity.Medium, finding.Severity);
        Assert.Contains("`arn:aws:iam::111122223333:root` sts:AssumeRole: allowed in code, denied in the account", finding.Detail, StringComparison.Ordinal);
    }
}
