using Governance.Core.Accounts;
using TestSupport.Paths;

namespace Governance.Core.Tests.Accounts;

public sealed class AccountStateTests
{
    private static readonly Lazy<AccountState> Example = new(() =>
        new AccountState([AccountSnapshotReader.Read(File.ReadAllText(TestData.Account("cloudsplaining-example.json"))).Snapshot!]));

    [Fact]
    public void Find_UserInGroups_IncludesGroupInlineAndAttachedPolicies()
    {
        // Arrange: biden has InsecureUserPolicy inline and AWSLambdaFullAccess attached; group biden adds
        // AmazonRDSFullAccess and InlinePolicyForBidenGroup (IAM evaluates group policies for members).
        var state = Example.Value;

        // Act
        var biden = state.Find("user/biden").Principal!;

        // Assert
        Assert.Equal(
            ["InsecureUserPolicy", "AWSLambdaFullAccess", "group/biden/InlinePolicyForBidenGroup", "group/biden/AmazonRDSFullAccess"],
            biden.IdentityPolicies.Select(p => p.Name));
        Assert.Equal([PolicySource.Inline, PolicySource.Attached, PolicySource.GroupInline, PolicySource.GroupAttached],
            biden.IdentityPolicies.Select(p => p.Source));
        Assert.Equal("012345678901", biden.AccountId);
    }

    [Fact]
    public void Find_RoleByArnShortFormAndBareName_ReturnTheSameRoleWithItsTrustPolicy()
    {
        var state = Example.Value;

        var byArn = state.Find("arn:aws:iam::200611803367:role/privesc-sre-role").Principal;
        var byShort = state.Find("role/privesc-sre-role").Principal;
        var byName = state.Find("privesc-sre-role").Principal;
        var bySession = state.Find("arn:aws:sts::200611803367:assumed-role/privesc-sre-role/alice").Principal;

        Assert.NotNull(byArn);
        Assert.Same(byArn, byShort);
        Assert.Same(byArn, byName);
        Assert.Same(byArn, bySession);
        Assert.Contains("sts:AssumeRole", byArn.TrustPolicy, StringComparison.Ordinal);
    }

    [Fact]
    public void Find_UnknownName_ListsTheClosestPrincipals()
    {
        var lookup = Example.Value.Find("role/privesc-sre-rol");

        Assert.False(lookup.Success);
        Assert.Contains("arn:aws:iam::200611803367:role/privesc-sre-role", lookup.Error!.Candidates);
        Assert.Contains("did you mean", lookup.Error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Find_NameHeldByAUserAndARole_IsAmbiguousAndListsBoth()
    {
        var snapshot = new AccountSnapshot(
            [new IamUser("etl", "AIDA1", "arn:aws:iam::111122223333:user/etl", "/", [], [], [], null, [])],
            [],
            [new IamRole("etl", "AROA1", "arn:aws:iam::111122223333:role/etl", "/", null, [], [], null, [])],
            []);

        var lookup = new AccountState([snapshot]).Find("etl");

        Assert.False(lookup.Success);
        Assert.Equal(PrincipalLookupFailure.Ambiguous, lookup.Error!.Failure);
        Assert.Equal(2, lookup.Error.Candidates.Length);
        Assert.True(new AccountState([snapshot]).Find("role/etl").Success);
    }

    [Fact]
    public void Find_RoleWithPathWrittenOut_ReturnsThatRoleOnly()
    {
        // Arrange: two roles of one name on different paths (IAM names are unique per account, paths are not part of
        // the name; the second account makes the name ambiguous without the path).
        var snapshot = new AccountSnapshot([], [],
            [
                new IamRole("glue-etl", "AROA1", "arn:aws:iam::111122223333:role/service-role/glue-etl", "/service-role/", null, [], [], null, []),
                new IamRole("glue-etl", "AROA2", "arn:aws:iam::444455556666:role/glue-etl", "/", null, [], [], null, []),
            ],
            []);
        var state = new AccountState([snapshot]);

        // Act
        var withPath = state.Find("role/service-role/glue-etl");
        var wrongPath = state.Find("role/other-path/glue-etl");

        // Assert
        Assert.Equal("arn:aws:iam::111122223333:role/service-role/glue-etl", withPath.Principal?.Arn);
        Assert.Equal(PrincipalLookupFailure.NotFound, wrongPath.Error!.Failure);
        Assert.Equal(PrincipalLookupFailure.Ambiguous, state.Find("role/glue-etl").Error!.Failure);
    }

    [Theory]
    [InlineData("group/etl", PrincipalLookupFailure.Malformed)]
    [InlineData("etl-runner", PrincipalLookupFailure.NotFound)]
    public void Find_NameThatDoesNotResolve_SaysWhy(string name, PrincipalLookupFailure failure)
    {
        var snapshot = new AccountSnapshot([], [],
            [new IamRole("etl", "AROA1", "arn:aws:iam::111122223333:role/etl", "/", null, [], [], null, [])], []);

        var lookup = new AccountState([snapshot]).Find(name);

        Assert.Equal(failure, lookup.Error!.Failure);
    }

    [Fact]
    public void Constructor_AttachedPolicyMissingFromSnapshot_IsReportedAsUnresolved()
    {
        var snapshot = new AccountSnapshot([], [],
            [new IamRole("r", "AROA1", "arn:aws:iam::111122223333:role/r", "/", null, [],
                [new PolicyAttachment("ReadOnlyAccess", "arn:aws:iam::aws:policy/ReadOnlyAccess")], null, [])],
            []);

        var state = new AccountState([snapshot]);

        Assert.Equal(new UnresolvedPolicy("arn:aws:iam::111122223333:role/r", "arn:aws:iam::aws:policy/ReadOnlyAccess"), Assert.Single(state.UnresolvedPolicies));
        Assert.Empty(state.Find("r").Principal!.IdentityPolicies);
    }

    [Fact]
    public void WarningsFor_TheRoleOrASessionOfIt_GivesItsUnresolvedPolicyAndNoOneElses()
    {
        var snapshot = new AccountSnapshot([], [],
            [new IamRole("r", "AROA1", "arn:aws:iam::111122223333:role/r", "/", null, [],
                [new PolicyAttachment("ReadOnlyAccess", "arn:aws:iam::aws:policy/ReadOnlyAccess")], null, []),
             new IamRole("other", "AROA2", "arn:aws:iam::111122223333:role/other", "/", null, [], [], null, [])],
            []);
        var state = new AccountState([snapshot]);

        var role = state.WarningsFor("arn:aws:iam::111122223333:role/r");
        var session = state.WarningsFor("arn:aws:sts::111122223333:assumed-role/r/alice");
        var other = state.WarningsFor("arn:aws:iam::111122223333:role/other");

        var warning = Assert.Single(role);
        Assert.Contains("arn:aws:iam::aws:policy/ReadOnlyAccess", warning, StringComparison.Ordinal);
        Assert.Equal<string>(role, session);
        Assert.Empty(other);
        Assert.Equal<string>(role, state.WarningsFor(null));
    }

    [Fact]
    public void Find_ServiceLinkedRole_IsMarkedServiceLinked()
    {
        var role = Example.Value.Find("AWSServiceRoleForSupport").Principal!;

        Assert.True(role.IsServiceLinked);
    }
}
