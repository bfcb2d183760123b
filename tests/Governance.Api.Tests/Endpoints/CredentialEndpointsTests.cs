using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using AwsReplay;
using AwsReplay.SigV4;
using Governance.Api.Tests.Infrastructure;
using Governance.Core.Identity;
using Governance.Core.Workflow.Credentials;
using Microsoft.Extensions.DependencyInjection;

namespace Governance.Api.Tests.Endpoints;

/// <summary><c>POST /v1/grants/{id}/credentials</c> through the real pipeline with real JWTs, the real STS client and a
/// loopback STS replaying the API reference's published <c>AssumeRole</c> answer.</summary>
public sealed class CredentialEndpointsTests(StsApiFixture fixture) : IClassFixture<StsApiFixture>
{
    // The published example's credentials; its session token is wrapped over five lines there.
    private const string PublishedAccessKeyId = "ASIAIOSFODNN7EXAMPLE";
    private const string PublishedSecret = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYzEXAMPLEKEY";
    private const string PublishedTokenStart = "AQoDYXdzEPT//////////wEXAMPLEtc764bNrC9SAPBSM22wDOk4x4HIZ8j4FZTwdQWLWsKWHGBuFq";

    private GovernanceApiFactory Factory => fixture.Factory;

    private static string NewUser(string name) => TestUsers.New(name);

    private IReadOnlyList<RecordedRequest> AssumeRoleCallsFor(string grantId)
        => [.. fixture.Sts.RequestsFor("AssumeRole").Where(r => r.Parameters.GetValueOrDefault("RoleSessionName") == $"grant-{grantId}")];

    private static void AssertProblem(HttpResponseMessage response, JsonElement body, HttpStatusCode status, string code)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(code, body.GetProperty("code").GetString());
        Assert.False(body.TryGetProperty("exception", out _), "a problem carries no exception");
        Assert.DoesNotContain(" at Governance.", body.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Issue_Requester_GetsTheCredentialsStsReturned()
    {
        // Arrange
        var alice = Factory.ClientFor(NewUser("alice"), "engineer");
        var grant = await CredentialRequests.ActiveGrantAsync(Factory, alice);
        var grantId = grant.GetProperty("id").GetString()!;

        // Act
        var (response, body) = await CredentialRequests.IssueAsync(alice, grantId);

        // Assert
        Assert.True(response.StatusCode == HttpStatusCode.OK, body.ToString());
        Assert.Equal(PublishedAccessKeyId, body.GetProperty("accessKeyId").GetString());
        Assert.Equal(PublishedSecret, body.GetProperty("secretAccessKey").GetString());
        var token = body.GetProperty("sessionToken").GetString()!;
        Assert.StartsWith(PublishedTokenStart, token, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', token);
        Assert.Equal("arn:aws:sts::123456789012:assumed-role/demo/TestAR", body.GetProperty("assumedRoleArn").GetString());
        Assert.True(response.Headers.CacheControl?.NoStore, "credentials are never cached on the way");
    }

    [Fact]
    public async Task Issue_Requester_AssumesTheGrantsRoleWithItsStatementsForThem()
    {
        // Arrange
        var subject = NewUser("alice");
        var alice = Factory.ClientFor(subject, "engineer");
        var grant = await CredentialRequests.ActiveGrantAsync(Factory, alice);
        var grantId = grant.GetProperty("id").GetString()!;

        // Act
        var (response, _) = await CredentialRequests.IssueAsync(alice, grantId);

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var call = Assert.Single(AssumeRoleCallsFor(grantId));
        var p = call.Parameters;
        Assert.Equal(grant.GetProperty("targetRoleArn").GetString(), p["RoleArn"]);
        Assert.Equal(subject, p["SourceIdentity"]);
        Assert.Equal($"grant-{grantId}", p["RoleSessionName"]);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(grant.GetProperty("policy").GetRawText()), JsonNode.Parse(p["Policy"])),
            $"the session policy is exactly the grant's policy: {p["Policy"]}");
        var statements = JsonNode.Parse(p["Policy"])!["Statement"]!.AsArray();
        Assert.All(statements, s => Assert.Equal(
            grant.GetProperty("endsAt").GetDateTimeOffset().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture),
            (string?)s!["Condition"]!["DateLessThan"]!["aws:CurrentTime"]));
    }

    [Fact]
    public async Task Issue_Request_IsAValidSigV4RequestToSts()
    {
        // Arrange
        var alice = Factory.ClientFor(NewUser("alice"), "engineer");
        var grantId = (await CredentialRequests.ActiveGrantAsync(Factory, alice)).GetProperty("id").GetString()!;

        // Act
        await CredentialRequests.IssueAsync(alice, grantId);

        // Assert
        var verification = SigV4Verifier.Verify(Assert.Single(AssumeRoleCallsFor(grantId)), StsApiFixture.Keys, "sts", StsApiFixture.Region,
            TimeProvider.System.GetUtcNow());
        Assert.True(verification.IsValid, verification.ToString());
    }

    [Fact]
    public async Task Issue_HoursLeft_AsksForTheRoleLimit()
    {
        // Arrange
        var alice = Factory.ClientFor(NewUser("alice"), "engineer");
        var grantId = (await CredentialRequests.ActiveGrantAsync(Factory, alice, hours: 4)).GetProperty("id").GetString()!;
        var now = Factory.Time.GetUtcNow();

        // Act
        var (_, body) = await CredentialRequests.IssueAsync(alice, grantId);

        // Assert
        Assert.Equal("3600", Assert.Single(AssumeRoleCallsFor(grantId)).Parameters["DurationSeconds"]);
        Assert.Equal(3600, body.GetProperty("durationSeconds").GetInt32());
        Assert.Equal(now.AddSeconds(3600), body.GetProperty("expiration").GetDateTimeOffset(), TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task Issue_HalfAnHourLeft_AsksForWhatIsLeft()
    {
        // Arrange
        var alice = Factory.ClientFor(NewUser("alice"), "engineer");
        var grant = await CredentialRequests.ActiveGrantAsync(Factory, alice, hours: 1);
        var grantId = grant.GetProperty("id").GetString()!;
        Factory.Time.SetUtcNow(grant.GetProperty("endsAt").GetDateTimeOffset().AddMinutes(-30));

        // Act
        var (response, _) = await CredentialRequests.IssueAsync(alice, grantId);

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("1800", Assert.Single(AssumeRoleCallsFor(grantId)).Parameters["DurationSeconds"]);
    }

    [Fact]
    public async Task Issue_FiveMinutesLeft_AsksForStsMinimumAndExpiresWithTheGrant()
    {
        // Arrange
        var alice = Factory.ClientFor(NewUser("alice"), "engineer");
        var grant = await CredentialRequests.ActiveGrantAsync(Factory, alice, hours: 1);
        var grantId = grant.GetProperty("id").GetString()!;
        var endsAt = grant.GetProperty("endsAt").GetDateTimeOffset();
        Factory.Time.SetUtcNow(endsAt.AddMinutes(-5));

        // Act
        var (response, body) = await CredentialRequests.IssueAsync(alice, grantId);

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("900", Assert.Single(AssumeRoleCallsFor(grantId)).Parameters["DurationSeconds"]);
        Assert.Equal(endsAt.AddMinutes(10), body.GetProperty("sessionExpiration").GetDateTimeOffset());
        Assert.Equal(endsAt, body.GetProperty("expiration").GetDateTimeOffset());
    }

    [Theory]
    [InlineData("engineer")]
    [InlineData("approver", "admin")]
    public async Task Issue_AnyoneButTheRequester_Returns403WithoutCallingSts(params string[] roles)
    {
        // Arrange
        var alice = Factory.ClientFor(NewUser("alice"), "engineer");
        var other = Factory.ClientFor(NewUser("other"), roles);
        var grantId = (await CredentialRequests.ActiveGrantAsync(Factory, alice)).GetProperty("id").GetString()!;

        // Act
        var (response, body) = await CredentialRequests.IssueAsync(other, grantId);

        // Assert
        AssertProblem(response, body, HttpStatusCode.Forbidden, "not-grant-requester");
        Assert.Empty(AssumeRoleCallsFor(grantId));
    }

    [Fact]
    public async Task Issue_ServiceWithoutTheHandler_RefusesAsTheHandlerDoes()
    {
        // Arrange
        var alice = Factory.ClientFor(NewUser("alice"), "engineer");
        var otherId = NewUser("other");
        var other = Factory.ClientFor(otherId, "admin");
        var grantId = (await CredentialRequests.ActiveGrantAsync(Factory, alice)).GetProperty("id").GetString()!;
        await using var scope = Factory.Services.CreateAsyncScope();
        var service = scope.ServiceProvider.GetRequiredService<GrantCredentialService>();

        // Act
        var (_, viaApi) = await CredentialRequests.IssueAsync(other, grantId);
        var direct = await service.IssueAsync(new Actor(otherId, new HashSet<string> { Roles.Admin }), Guid.Parse(grantId), authorize: null, CancellationToken.None);

        // Assert
        Assert.False(direct.Success, "the service refuses on its own");
        Assert.Equal(direct.Error.Code, viaApi.GetProperty("code").GetString());
        Assert.Equal(direct.Error.Detail, viaApi.GetProperty("detail").GetString());
        Assert.Empty(AssumeRoleCallsFor(grantId));
    }

    [Fact]
    public async Task Issue_RevokedGrant_Returns409()
    {
        // Arrange
        var alice = Factory.ClientFor(NewUser("alice"), "engineer");
        var bob = Factory.ClientFor(NewUser("bob"), "approver");
        var grantId = (await CredentialRequests.ActiveGrantAsync(Factory, alice)).GetProperty("id").GetString()!;
        var revoked = await bob.PostAsJsonAsync($"/v1/grants/{grantId}/revoke", new { comment = "no longer needed" });
        Assert.Equal(HttpStatusCode.OK, revoked.StatusCode);

        // Act
        var (response, body) = await CredentialRequests.IssueAsync(alice, grantId);

        // Assert
        AssertProblem(response, body, HttpStatusCode.Conflict, "grant-not-active");
        Assert.Empty(AssumeRoleCallsFor(grantId));
    }

    [Fact]
    public async Task Issue_AfterTheGrantsEndBeforeExpiryRan_Returns409()
    {
        // Arrange
        var alice = Factory.ClientFor(NewUser("alice"), "engineer");
        var grant = await CredentialRequests.ActiveGrantAsync(Factory, alice, hours: 1);
        var grantId = grant.GetProperty("id").GetString()!;
        Factory.Time.SetUtcNow(grant.GetProperty("endsAt").GetDateTimeOffset());

        // Act
        var (response, body) = await CredentialRequests.IssueAsync(alice, grantId);

        // Assert
        Assert.Equal("Active", (await alice.GetFromJsonAsync<JsonElement>($"/v1/grants/{grantId}")).GetProperty("status").GetString());
        AssertProblem(response, body, HttpStatusCode.Conflict, "grant-expired");
        Assert.Empty(AssumeRoleCallsFor(grantId));
    }

    [Fact]
    public async Task Issue_UnknownGrant_Returns404()
    {
        var alice = Factory.ClientFor(NewUser("alice"), "engineer");

        var (response, body) = await CredentialRequests.IssueAsync(alice, Guid.NewGuid().ToString());

        AssertProblem(response, body, HttpStatusCode.NotFound, "grant-not-found");
    }

    [Fact]
    public async Task Issue_WithoutToken_Returns401()
    {
        using var anonymous = Factory.CreateClient();

        var response = await anonymous.PostAsync($"/v1/grants/{Guid.NewGuid()}/credentials", null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Issue_StsDeniesTheService_Returns502ProblemWithStsMessage()
    {
        // Arrange
        var alice = Factory.ClientFor(NewUser("alice"), "engineer");
        var grantId = (await CredentialRequests.ActiveGrantAsync(Factory, alice)).GetProperty("id").GetString()!;
        fixture.Sts.Enqueue("AssumeRole", StsResponses.Error(403, "AccessDenied",
            "User: arn:aws:iam::111122223333:user/iamgov is not authorized to perform: sts:SetSourceIdentity"));

        // Act
        var (response, body) = await CredentialRequests.IssueAsync(alice, grantId);

        // Assert
        AssertProblem(response, body, HttpStatusCode.BadGateway, "sts-access-denied");
        Assert.Contains("not authorized to perform: sts:SetSourceIdentity", body.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Issue_StsThrottles_Returns503Problem()
    {
        // Arrange
        var alice = Factory.ClientFor(NewUser("alice"), "engineer");
        var grantId = (await CredentialRequests.ActiveGrantAsync(Factory, alice)).GetProperty("id").GetString()!;
        fixture.Sts.Enqueue("AssumeRole", StsResponses.Error(400, "Throttling", "Rate exceeded"));

        // Act
        var (response, body) = await CredentialRequests.IssueAsync(alice, grantId);

        // Assert
        AssertProblem(response, body, HttpStatusCode.ServiceUnavailable, "sts-throttled");
    }

    [Fact]
    public async Task Issue_StsRefusesThePolicy_Returns502NamingThePolicy()
    {
        // Arrange
        var alice = Factory.ClientFor(NewUser("alice"), "engineer");
        var grantId = (await CredentialRequests.ActiveGrantAsync(Factory, alice)).GetProperty("id").GetString()!;
        fixture.Sts.Enqueue("AssumeRole", StsResponses.Error(400, "PackedPolicyTooLarge", "Packed policy consumes 112% of allotted space"));

        // Act
        var (response, body) = await CredentialRequests.IssueAsync(alice, grantId);

        // Assert
        AssertProblem(response, body, HttpStatusCode.BadGateway, "sts-packed-policy-too-large");
        Assert.Contains("112%", body.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Issue_Success_AuditsTheSessionWithoutSecrets()
    {
        // Arrange
        var subject = NewUser("alice");
        var alice = Factory.ClientFor(subject, "engineer");
        var bob = Factory.ClientFor(NewUser("bob"), "approver");
        var grantId = (await CredentialRequests.ActiveGrantAsync(Factory, alice)).GetProperty("id").GetString()!;

        // Act
        var (_, issued) = await CredentialRequests.IssueAsync(alice, grantId);

        // Assert
        var events = await bob.GetFromJsonAsync<JsonElement>($"/v1/audit/events?grantId={grantId}");
        var audited = Assert.Single(events.GetProperty("items").EnumerateArray(), e => e.GetProperty("action").GetString() == "grant.credentials-issued");
        Assert.Equal(subject, audited.GetProperty("actor").GetString());
        var after = audited.GetProperty("after");
        Assert.Equal($"grant-{grantId}", after.GetProperty("sessionName").GetString());
        Assert.Equal(subject, after.GetProperty("sourceIdentity").GetString());
        Assert.Equal(StsResponses.PublishedRequestId, after.GetProperty("stsRequestId").GetString());
        Assert.Equal(PublishedAccessKeyId, after.GetProperty("accessKeyId").GetString());
        Assert.Equal(issued.GetProperty("expiration").GetDateTimeOffset(), after.GetProperty("expiration").GetDateTimeOffset());
        var all = (await bob.GetStringAsync($"/v1/audit/events?grantId={grantId}"));
        Assert.DoesNotContain(PublishedSecret, all, StringComparison.Ordinal);
        Assert.DoesNotContain(PublishedTokenStart[..40], all, StringComparison.Ordinal);
        Assert.True((await bob.GetFromJsonAsync<JsonElement>("/v1/audit/verify")).GetProperty("valid").GetBoolean(), "the chain holds the new event");
    }

    [Fact]
    public async Task Issue_Success_LogsTheSessionButNeverTheSecrets()
    {
        // Arrange
        var alice = Factory.ClientFor(NewUser("alice"), "engineer");
        var grantId = (await CredentialRequests.ActiveGrantAsync(Factory, alice)).GetProperty("id").GetString()!;

        // Act
        await CredentialRequests.IssueAsync(alice, grantId);

        // Assert
        var logs = fixture.Logs.Messages.ToList();
        Assert.Contains(logs, m => m.Contains($"grant-{grantId}", StringComparison.Ordinal) && m.Contains(StsResponses.PublishedRequestId, StringComparison.Ordinal));
        Assert.DoesNotContain(logs, m => m.Contains(PublishedSecret, StringComparison.Ordinal));
        Assert.DoesNotContain(logs, m => m.Contains(PublishedTokenStart[..40], StringComparison.Ordinal));
    }
}
