using System.Net;
using Governance.Api.Tests.Console.Infrastructure;
using Governance.Api.Tests.Console.Infrastructure.Oidc;
using Governance.Api.Tests.Infrastructure;
using TestSupport.Files;

namespace Governance.Api.Tests.Console.Oidc;

/// <summary>The console signing in at a provider whose discovery names no end-session endpoint.</summary>
public sealed class OidcProviderWithoutEndSessionTests
{
    [Fact]
    public async Task Signing_out_ends_the_console_session_and_goes_to_the_sign_in_page()
    {
        // Arrange
        using var data = TempFolder.Create();
        await using var provider = await TestOidcProvider.StartAsync(endSession: false);
        await using var factory = new GovernanceApiFactory(TestDatabase.Sqlite(data), data, builder => OidcServiceSettings.Apply(builder, provider));
        await provider.RegisterConsoleAsync(factory.Server.BaseAddress);
        provider.Roles["ada"] = ["engineer"];
        using var console = ConsoleClient.Anonymous(factory);
        using var browser = new ProviderBrowser(provider);
        await browser.SignInAsync(console, "ada");
        var home = await console.GetAsync("/");
        Assert.Equal("ada", home.Text("[data-testid=signed-in-as]"));

        // Act
        var signedOut = await home.SubmitAsync("header form");

        // Assert
        Assert.Equal(HttpStatusCode.Redirect, signedOut.Status);
        Assert.Equal("/signin", signedOut.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, (await console.GetAsync("/")).Status);
    }
}
