using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Governance.Api.Tests.Infrastructure;

namespace Governance.Api.Tests.Endpoints;

public abstract partial class GovernanceApiTests<TFixture>
{
    [SkippableTheory]
    [MemberData(nameof(RefusedTokens.Cases), MemberType = typeof(RefusedTokens))]
    public async Task Request_WithRefusedToken_Returns401ProblemSayingWhy(string kind, string code, string phrase)
    {
        // Arrange
        var key = Factory.SigningKey;
        var token = kind switch
        {
            "missing" => null,
            "expired" => TestTokens.Expired(key, "alice", "approver"),
            "not-yet-valid" => TestTokens.NotYetValid(key, "alice", "approver"),
            "wrong-issuer" => TestTokens.WrongIssuer(key, "alice", "approver"),
            "wrong-audience" => TestTokens.WrongAudience(key, "alice", "approver"),
            "wrongly-signed" => TestTokens.WronglySigned(key, "alice", "approver"),
            "other-algorithm" => TestTokens.OtherAlgorithm(key, "alice", "approver"),
            "alg-none" => TestTokens.AlgNone("alice", "approver"),
            "bad-subject" => TestTokens.WithAnySubject(key, "system:expiry", "approver"),
            _ => "not.a.token",
        };
        var client = Factory.CreateClient();
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        // Act
        var response = await client.GetAsync("/v1/access-requests");

        // Assert
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(code, body.GetProperty("code").GetString());
        Assert.Equal(401, body.GetProperty("status").GetInt32());
        var detail = body.GetProperty("detail").GetString()!;
        Assert.Contains(phrase, detail, StringComparison.Ordinal);
        Assert.True(token is null || !detail.Contains(token, StringComparison.Ordinal), "the detail never repeats the token");
        Assert.DoesNotContain("IDX", detail, StringComparison.Ordinal); // the library's messages name keys and claims; the problem does not
        var challenge = Assert.Single(response.Headers.WwwAuthenticate);
        Assert.Equal("Bearer", challenge.Scheme);
        if (kind == "missing")
        {
            Assert.Null(challenge.Parameter); // RFC 6750 3.1: no error code when the request carries no credentials
        }
        else
        {
            Assert.Contains("error=\"invalid_token\"", challenge.Parameter, StringComparison.Ordinal);
            Assert.Contains(phrase, challenge.Parameter, StringComparison.Ordinal);
        }
    }
}
