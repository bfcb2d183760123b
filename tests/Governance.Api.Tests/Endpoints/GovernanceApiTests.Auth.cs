using System.Net;
using System.Net.Http.Headers;
using Governance.Api.Tests.Infrastructure;

namespace Governance.Api.Tests.Endpoints;

public abstract partial class GovernanceApiTests<TFixture>
{
    [SkippableTheory]
    [InlineData("missing")]
    [InlineData("expired")]
    [InlineData("wrongly-signed")]
    [InlineData("wrong-audience")]
    [InlineData("alg-none")]
    [InlineData("garbage")]
    public async Task Request_WithBadToken_Returns401Problem(string kind)
    {
        // Arrange
        var key = Factory.SigningKey;
        var token = kind switch
        {
            "missing" => null,
            "expired" => TestTokens.Expired(key, "alice", "approver"),
            "wrongly-signed" => TestTokens.WronglySigned(key, "alice", "approver"),
            "wrong-audience" => TestTokens.WrongAudience(key, "alice", "approver"),
            "alg-none" => TestTokens.AlgNone("alice", "approver"),
            _ => "not.a.token",
        };
        var client = Factory.CreateClient();
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        // Act
        var list = await client.GetAsync("/v1/access-requests");
        var audit = await client.GetAsync("/v1/audit/verify");

        // Assert
        AssertProblem(list, HttpStatusCode.Unauthorized);
        AssertProblem(audit, HttpStatusCode.Unauthorized);
    }

    [SkippableFact]
    public async Task Health_WithoutToken_AnswersAndEverythingElseNeedsOne()
    {
        // Arrange
        var anonymous = Factory.CreateClient();
        var member = Factory.ClientFor(NewUser("alice"), "engineer");

        // Act
        var live = await anonymous.GetAsync("/health/live");
        var ready = await anonymous.GetAsync("/health/ready");
        var openApiAnonymous = await anonymous.GetAsync("/openapi/v1.json");
        var openApi = await member.GetAsync("/openapi/v1.json");
        var sets = await GetAsync(member, "/v1/permission-sets");

        // Assert
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        AssertProblem(openApiAnonymous, HttpStatusCode.Unauthorized);
        Assert.Equal(HttpStatusCode.OK, openApi.StatusCode);
        Assert.Contains("/v1/access-requests/{id}/approve", await openApi.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var names = sets.Body.EnumerateArray().Select(s => s.GetProperty("name").GetString()).ToList();
        Assert.Contains("lake-read", names);
        Assert.Contains("lake-write", names);
    }

    [SkippableFact]
    public async Task Request_WithTokenWithoutKnownRole_Returns403Problem()
    {
        // Arrange
        var client = Factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TestTokens.Valid(Factory.SigningKey, "mallory", "auditor"));

        // Act
        var response = await client.GetAsync("/v1/access-requests");

        // Assert
        AssertProblem(response, HttpStatusCode.Forbidden);
    }
}
