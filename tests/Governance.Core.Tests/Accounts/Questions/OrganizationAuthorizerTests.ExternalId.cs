using PolicyEngine.Evaluation;
using static Governance.Core.Tests.Accounts.Questions.TestOrganization;

namespace Governance.Core.Tests.Accounts.Questions;

/// <summary>
/// Trust policies with <c>sts:ExternalId</c> (IAM User Guide, id_roles_common-scenarios_third-party.html and
/// id_roles_create_for-user_externalid.html): the role trusts an outside account on condition of the external id the
/// third party passes to AssumeRole. Across accounts both the caller's policies and the trust policy must allow
/// (reference_policies_evaluation-logic-cross-account.html); <c>StringEquals</c> on a key the request lacks is false
/// (reference_policies_elements_condition_operators.html).
/// </summary>
public sealed partial class OrganizationAuthorizerTests
{
    private const string AssumeAny = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"sts:AssumeRole","Resource":"*"}]}""";

    private static string TrustWithExternalId(string account) => $$$$"""
        {"Version":"2012-10-17","Statement":[{"Sid":"Vendor","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::{{{{account}}}}:root"},"Action":"sts:AssumeRole","Condition":{"StringEquals":{"sts:ExternalId":"ext-4711"}}}]}
        """;

    [Fact]
    public void Authorize_ExternalIdMissing_ImplicitDenyNamingTheTrustPolicyAndTheMissingKey()
    {
        // Arrange
        var org = new TestOrganization().Role(Producer, "vendor-access", null, TrustWithExternalId(Outside)).Role(Outside, "vendor", AssumeAny).Build();

        // Act
        var answer = Ask(org, RoleArn(Outside, "vendor"), "sts:AssumeRole", RoleArn(Producer, "vendor-access"));

        // Assert
        Assert.Equal(Decision.ImplicitDeny, answer.Result.Decision);
        Assert.Equal($"cross-account: the trust policy of role `vendor-access` does not grant {Outside}", answer.Summary);
        Assert.Contains("sts:ExternalId", answer.Result.Explanation.MissingContextKeys);
    }

    [Fact]
    public void Authorize_ExternalIdWrongValue_ImplicitDeny()
    {
        // Arrange
        var org = new TestOrganization().Role(Producer, "vendor-access", null, TrustWithExternalId(Outside)).Role(Outside, "vendor", AssumeAny).Build();

        // Act
        var answer = Ask(org, RoleArn(Outside, "vendor"), "sts:AssumeRole", RoleArn(Producer, "vendor-access"), ("sts:ExternalId", "guess"));

        // Assert
        Assert.Equal(Decision.ImplicitDeny, answer.Result.Decision);
    }

    [Fact]
    public void Authorize_ExternalIdGivenButCallerIamSilent_ImplicitDenyNamingTheCallersSide()
    {
        // Arrange: the trust policy would admit the vendor's account with the id; the vendor's role has no policy allowing it.
        var org = new TestOrganization().Role(Producer, "vendor-access", null, TrustWithExternalId(Outside)).Role(Outside, "vendor", null).Build();

        // Act
        var answer = Ask(org, RoleArn(Outside, "vendor"), "sts:AssumeRole", RoleArn(Producer, "vendor-access"), ("sts:ExternalId", "ext-4711"));

        // Assert
        Assert.Equal(DecisionReason.CrossAccountIdentityDoesNotAllow, answer.Result.Explanation.Reason);
    }
}
