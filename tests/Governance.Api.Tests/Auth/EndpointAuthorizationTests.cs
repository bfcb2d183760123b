using Governance.Api.Tests.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Governance.Api.Tests.Auth;

/// <summary>
/// Architecture rule: every endpoint names an authorization policy but health and the two the console needs before
/// anyone is signed in: its sign-in page and its style sheet.
/// </summary>
public sealed class EndpointAuthorizationTests(SqliteApiFixture fixture) : IClassFixture<SqliteApiFixture>
{
    [Fact]
    public void Endpoints_AllButHealth_HaveAuthorizationMetadata()
    {
        // Arrange
        var endpoints = fixture.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();

        // Act
        var unprotected = endpoints
            .Where(e => !e.RoutePattern.RawText!.StartsWith("/health/", StringComparison.Ordinal))
            .Where(e => e.RoutePattern.RawText is not ("/console.css" or "signin"))
            .Where(e => e.Metadata.GetMetadata<IAuthorizeData>() is null || e.Metadata.GetMetadata<IAllowAnonymous>() is not null)
            .Select(e => e.RoutePattern.RawText)
            .ToList();
        var anonymous = endpoints.Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is not null).Select(e => e.RoutePattern.RawText).ToList();

        // Assert
        Assert.True(endpoints.Count >= 12, $"found only {endpoints.Count} endpoints");
        Assert.Empty(unprotected);
        Assert.Equal(["/console.css", "/health/live", "/health/ready", "signin"], anonymous.Order(StringComparer.Ordinal));
    }
}
