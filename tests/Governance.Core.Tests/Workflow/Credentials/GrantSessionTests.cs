using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Governance.Core.Results;
using Governance.Core.Workflow.Credentials;
using Governance.Core.Workflow.Grants;

namespace Governance.Core.Tests.Workflow.Credentials;

public sealed class GrantSessionTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    // STS API Reference, AssumeRole: RoleSessionName and SourceIdentity are 2 to 64 characters of [\w+=,.@-].
    private static readonly Regex StsIdentifier = new(@"^[\w+=,.@-]{2,64}$", RegexOptions.ECMAScript);

    private const string Statements = """
        {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["s3:GetObject"],"Resource":["arn:aws:s3:::lake-curated/*"]}]}
        """;

    private static Grant NewGrant(string requester = "alice", TimeSpan? length = null, string statements = Statements)
    {
        var window = GrantWindow.StartingAt(Start, length ?? TimeSpan.FromHours(4));
        var id = Guid.CreateVersion7(Start);
        return new Grant(id, Guid.CreateVersion7(Start), requester, "lake-read", "data-engineer",
            "arn:aws:iam::111122223333:role/data-engineer", GrantPolicy.WithExpiry(statements, window), window);
    }

    private static RoleSessionRequest PlanOk(Grant grant, DateTimeOffset now, int maxSessionSeconds = 3600)
    {
        var plan = GrantSession.Plan(grant, now, maxSessionSeconds);
        Assert.True(plan.Success, plan.Error?.Detail);
        return plan.Value;
    }

    private static GovernanceError PlanError(Grant grant, DateTimeOffset now, int maxSessionSeconds = 3600)
    {
        var plan = GrantSession.Plan(grant, now, maxSessionSeconds);
        Assert.False(plan.Success, "the plan should be refused");
        return plan.Error;
    }

    [Fact]
    public void Plan_HoursLeft_CapsDurationAtTheRoleLimit()
    {
        var session = PlanOk(NewGrant(), Start, maxSessionSeconds: 3600);

        Assert.Equal(3600, session.DurationSeconds);
    }

    [Fact]
    public void Plan_RoleAllowsLongerSessions_GetsAllThatIsLeftUpToTheLimit()
    {
        Assert.Equal(4 * 3600, PlanOk(NewGrant(), Start, maxSessionSeconds: 43_200).DurationSeconds);
        Assert.Equal(7200, PlanOk(NewGrant(), Start, maxSessionSeconds: 7200).DurationSeconds);
    }

    [Fact]
    public void Plan_LessLeftThanTheLimit_AsksForWhatIsLeftInWholeSeconds()
    {
        var grant = NewGrant();

        var session = PlanOk(grant, grant.EndsAt - TimeSpan.FromSeconds(1800.7));

        Assert.Equal(1800, session.DurationSeconds);
    }

    [Fact]
    public void Plan_LessThanFifteenMinutesLeft_AsksForStsMinimum()
    {
        var grant = NewGrant();

        var session = PlanOk(grant, grant.EndsAt - TimeSpan.FromMinutes(5));

        Assert.Equal(900, session.DurationSeconds);
    }

    [Fact]
    public void Plan_OneSecondLeft_StillIssuesTheMinimumSession()
    {
        var grant = NewGrant();

        Assert.Equal(900, PlanOk(grant, grant.EndsAt - TimeSpan.FromSeconds(1)).DurationSeconds);
    }

    [Fact]
    public void Plan_AtTheGrantsEnd_IsRefusedAsExpired()
    {
        var grant = NewGrant();

        var error = PlanError(grant, grant.EndsAt);

        Assert.Equal(GovernanceErrorKind.Conflict, error.Kind);
        Assert.Equal("grant-expired", error.Code);
        Assert.Contains(grant.Window.EndIso8601, error.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_RevokedGrant_IsRefusedAsNotActive()
    {
        var grant = NewGrant();
        grant.End(GrantStatus.Revoked, "bob", "done", Start.AddMinutes(10));

        var error = PlanError(grant, Start.AddMinutes(20));

        Assert.Equal(GovernanceErrorKind.Conflict, error.Kind);
        Assert.Equal("grant-not-active", error.Code);
        Assert.Contains("Revoked", error.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_Always_NamesTheSessionAfterTheGrantWithinStsRule()
    {
        var grant = NewGrant();

        var session = PlanOk(grant, Start);

        Assert.Equal($"grant-{grant.Id:D}", session.RoleSessionName);
        Assert.Matches(StsIdentifier, session.RoleSessionName);
    }

    [Fact]
    public void Plan_Always_AssumesTheGrantsRoleForItsRequester()
    {
        var session = PlanOk(NewGrant(requester: "alice.smith@example.com"), Start);

        Assert.Equal("arn:aws:iam::111122223333:role/data-engineer", session.RoleArn);
        Assert.Equal("alice.smith@example.com", session.SourceIdentity);
    }

    [Fact]
    public void Plan_Always_SessionPolicyIsTheGrantsStatementsEndingAtTheGrantsEnd()
    {
        var grant = NewGrant();

        var policy = JsonNode.Parse(PlanOk(grant, Start).Policy)!;

        var statement = Assert.Single(policy["Statement"]!.AsArray())!;
        Assert.Equal("Allow", (string?)statement["Effect"]);
        Assert.Equal("s3:GetObject", (string?)statement["Action"]![0]);
        Assert.Equal("arn:aws:s3:::lake-curated/*", (string?)statement["Resource"]![0]);
        Assert.Equal("2026-03-02T13:00:00Z", (string?)statement["Condition"]!["DateLessThan"]!["aws:CurrentTime"]);
    }

    [Theory]
    [InlineData("auth0|5f1c")]
    [InlineData("a")]
    [InlineData("alice smith")]
    [InlineData("aws:alice")]
    [InlineData("élodie")]
    public void Plan_RequesterNotAnStsSourceIdentity_IsRefusedNamingTheRule(string requester)
    {
        var error = PlanError(NewGrant(requester: requester), Start);

        Assert.Equal("source-identity-invalid", error.Code);
        Assert.Contains($"`{requester}`", error.Detail, StringComparison.Ordinal);
        Assert.Contains("64", error.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_RequesterOf65Characters_IsRefused()
        => Assert.Equal("source-identity-invalid", PlanError(NewGrant(requester: new string('a', 65)), Start).Code);

    [Fact]
    public void Plan_PolicyLongerThanStsTakes_IsRefusedWithItsLength()
    {
        var resources = string.Join(',', Enumerable.Range(0, 60).Select(i => $"\"arn:aws:s3:::lake-curated/table-{i:D3}/*\""));
        var grant = NewGrant(statements: $$"""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":[{{resources}}]}]}""");
        Assert.True(grant.PolicyDocument.Length > 2048, "the arrangement needs a policy over STS's limit");

        var error = PlanError(grant, Start);

        Assert.Equal("session-policy-too-large", error.Code);
        Assert.Contains(grant.PolicyDocument.Length.ToString(System.Globalization.CultureInfo.InvariantCulture), error.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(899)]
    [InlineData(43_201)]
    public void Validate_RoleLimitOutsideSts_NamesTheKey(int seconds)
    {
        var problem = new CredentialVendingOptions { MaxSessionSeconds = seconds }.Validate();

        Assert.NotNull(problem);
        Assert.Contains("Governance:Aws:Sts:MaxSessionSeconds", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_Defaults_AreUsable() => Assert.Null(new CredentialVendingOptions().Validate());
}
