using System.Net;
using Governance.Api.Tests.Console.Infrastructure;
using Governance.Api.Tests.Console.Infrastructure.Oidc;
using Governance.Api.Tests.Infrastructure;
using TestSupport.Files;

namespace Governance.Api.Tests.Console.Oidc;

/// <summary>The console configured for an authority that does not answer: nothing listens on its port, or it stopped mid-sign-in.</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001:Types that own disposable fields should be disposable",
    Justification = "xunit disposes the class through IAsyncLifetime.DisposeAsync, which disposes the factory and the data folder.")]
public sealed class OidcProviderUnreachableTests : IAsyncLifetime
{
    private readonly TempFolder _data = TempFolder.Create();
    private GovernanceApiFactory _factory = null!;

    public Task InitializeAsync()
    {
        _factory = new GovernanceApiFactory(TestDatabase.Sqlite(_data), _data, static builder =>
        {
            builder.UseSetting("Governance:Auth:Authority", "https://127.0.0.1:1/");
            builder.UseSetting("Governance:Auth:Audience", "iamgov-api");
            builder.UseSetting("Governance:Console:ClientId", "iamgov-console");
        });
        _ = _factory.Server;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _factory.DisposeAsync();
        _data.Dispose();
    }

    [Fact]
    public async Task Starting_a_sign_in_says_the_provider_cannot_be_reached_not_a_stack_trace()
    {
        using var anonymous = ConsoleClient.Anonymous(_factory);
        var page = await anonymous.GetAsync("/signin?handler=oidc&returnUrl=%2F");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, page.Status);
        Assert.Contains("could not be reached", page.Text("[role=alert]"), StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", page.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("IDX", page.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_provider_gone_before_the_code_is_redeemed_is_a_message_on_the_sign_in_page()
    {
        // Arrange: a provider of this test's own, which stops after the person signed in there.
        using var data = TempFolder.Create();
        var provider = await TestOidcProvider.StartAsync();
        await using var factory = new GovernanceApiFactory(TestDatabase.Sqlite(data), data, builder => OidcServiceSettings.Apply(builder, provider));
        await provider.RegisterConsoleAsync(factory.Server.BaseAddress);
        provider.Roles["ada"] = ["engineer"];
        using var console = ConsoleClient.Anonymous(factory);
        using var browser = new ProviderBrowser(provider);
        var start = await console.GetAsync("/signin?handler=oidc");
        var callback = ProviderBrowser.BackAtConsole(await browser.AnswerSignInPageAsync(await browser.GetAsync(start.Location!), "ada"));
        await provider.DisposeAsync();

        // Act
        var back = await console.GetAsync(callback);

        // Assert
        Assert.Equal(HttpStatusCode.Redirect, back.Status);
        var page = await back.FollowAsync();
        Assert.Contains("could not be reached", page.Text("[role=alert]"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await console.GetAsync("/")).Status);
    }
}
