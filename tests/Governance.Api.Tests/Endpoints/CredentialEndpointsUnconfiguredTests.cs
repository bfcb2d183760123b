using System.Net;
using Governance.Api.Tests.Infrastructure;

namespace Governance.Api.Tests.Endpoints;

/// <summary>Credential vending on the embedded defaults, which have no AWS account behind them.</summary>
public sealed class CredentialEndpointsUnconfiguredTests(SqliteApiFixture fixture) : IClassFixture<SqliteApiFixture>
{
    [Fact]
    public async Task Issue_EmbeddedDefaults_Returns503NamingTheSettingToTurnItOn()
    {
        // Arrange
        var alice = fixture.Factory.ClientFor(TestUsers.New("alice"), "engineer");
        var grantId = (await CredentialRequests.ActiveGrantAsync(fixture.Factory, alice)).GetProperty("id").GetString()!;

        // Act
        var (response, body) = await CredentialRequests.IssueAsync(alice, grantId);

        // Assert
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("aws-not-configured", body.GetProperty("code").GetString());
        Assert.Contains("Governance:Aws:Sts:Enabled=true", body.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }
}
