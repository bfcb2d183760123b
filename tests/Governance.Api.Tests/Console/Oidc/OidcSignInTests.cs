using System.Net;
using Governance.Api.Tests.Console.Infrastructure;
using Governance.Api.Tests.Console.Infrastructure.Oidc;
using Governance.Api.Tests.Infrastructure;

namespace Governance.Api.Tests.Console.Oidc;

/// <summary>
/// The console's sign-in at a real OpenID Connect provider (OpenIddict, https on a loopback port), as a browser without
/// JavaScript walks it: the console and the provider each with their own cookies, every redirect followed by hand.
/// </summary>
public sealed class OidcSignInTests(OidcApiFixture fixture) : IClassFixture<OidcApiFixture>
{
    private GovernanceApiFactory Factory => fixture.Factory;

    private TestOidcProvider Provider => fixture.Provider;

    /// <summary>The path of a redirect's target, whether the service wrote it relative or absolute.</summary>
    private static string PathOf(Uri? location)
        => (location ?? throw new InvalidOperationException("not a redirect")).IsAbsoluteUri ? location.AbsolutePath : location.OriginalString.Split('?')[0];

    private string NewPerson(string name, params string[] roles)
    {
        var user = TestUsers.New(name);
        Provider.Roles[user] = roles;
        return user;
    }

    [Fact]
    public async Task The_sign_in_page_offers_the_organisation_and_no_demo_form()
    {
        using var anonymous = ConsoleClient.Anonymous(Factory);
        var page = await anonymous.OpenAsync("/");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("/signin?handler=oidc&returnUrl=%2F", page.One("a.button").GetAttribute("href"));
        Assert.Empty(page.All("input[name=User]"));
    }

    [Fact]
    public async Task Signing_in_at_the_provider_starts_a_session_with_pkce_and_returns_to_the_page_asked_for()
    {
        var user = NewPerson("oona", "engineer");
        using var console = ConsoleClient.Anonymous(Factory);
        using var provider = new ProviderBrowser(Provider);

        var start = await console.GetAsync("/signin?handler=oidc&returnUrl=%2F%3Fprincipal%3Ddata-engineer");
        Assert.Equal(HttpStatusCode.Redirect, start.Status);
        var authorize = start.Location!;
        Assert.StartsWith(new Uri(Provider.Authority, "connect/authorize").ToString(), authorize.ToString(), StringComparison.Ordinal);
        Assert.Contains("code_challenge_method=S256", authorize.Query, StringComparison.Ordinal);
        Assert.Contains("response_type=code&", authorize.Query, StringComparison.Ordinal);
        // Not form_post (the handler's default): the answer comes back in a query, with no cross-site POST.
        Assert.DoesNotContain("response_mode=form_post", authorize.Query, StringComparison.Ordinal);
        Assert.Contains("redirect_uri=http%3A%2F%2Flocalhost%2Fsignin-oidc", authorize.Query, StringComparison.Ordinal);

        var answered = await provider.AnswerSignInPageAsync(await provider.GetAsync(authorize), user);
        var back = await console.GetAsync(ProviderBrowser.BackAtConsole(answered));

        Assert.Equal(HttpStatusCode.Redirect, back.Status);
        Assert.Equal("/?principal=data-engineer", back.Location!.OriginalString);
        var home = await console.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, home.Status);
        Assert.Equal(user, home.Text("[data-testid=signed-in-as]"));
        Assert.Empty(home.All(".demo-banner"));
    }

    [Theory]
    [InlineData("approver", true)]
    [InlineData("admin", true)]
    [InlineData("engineer", false)]
    public async Task The_role_claim_of_the_id_token_gives_the_console_roles(string role, bool seesApprovals)
    {
        var user = NewPerson("rho", role);
        using var console = ConsoleClient.Anonymous(Factory);
        using var provider = new ProviderBrowser(Provider);
        await provider.SignInAsync(console, user);

        var home = await console.GetAsync("/");
        var approvals = await console.GetAsync("/approvals");
        Assert.Equal(user, home.Text("[data-testid=signed-in-as]"));
        Assert.Equal(seesApprovals, home.All("a[href='/approvals']").Any());
        if (seesApprovals)
        {
            Assert.Equal(HttpStatusCode.OK, approvals.Status);
        }
        else
        {
            Assert.Equal(HttpStatusCode.Redirect, approvals.Status);
            Assert.Equal("/denied", PathOf(approvals.Location));
        }
    }

    [Fact]
    public async Task Roles_the_provider_gives_only_at_userinfo_count_too()
    {
        var user = NewPerson("uma", "approver", "engineer");
        Provider.RolesOnlyAtUserInfo[user] = true;
        using var console = ConsoleClient.Anonymous(Factory);
        using var provider = new ProviderBrowser(Provider);
        await provider.SignInAsync(console, user);

        var home = await console.GetAsync("/");
        Assert.Equal(user, home.Text("[data-testid=signed-in-as]"));
        Assert.NotEmpty(home.All("a[href='/approvals']"));
    }

    [Fact]
    public async Task Someone_without_a_role_at_the_provider_is_signed_in_but_reaches_no_page()
    {
        var user = NewPerson("nil");
        using var console = ConsoleClient.Anonymous(Factory);
        using var provider = new ProviderBrowser(Provider);
        var back = await provider.SignInAsync(console, user);
        Assert.Equal(HttpStatusCode.Redirect, back.Status);

        var home = await console.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, home.Status);
        Assert.Equal("/denied", home.Location!.AbsolutePath);
    }

    [Theory]
    [InlineData("system:scheduler", "begins with `system:`")]
    [InlineData(" bob", "begins or ends with a space")]
    public async Task A_subject_that_cannot_name_an_actor_is_refused_with_the_reason_on_the_sign_in_page(string subject, string reason)
    {
        Provider.Roles[subject] = ["admin"];
        using var console = ConsoleClient.Anonymous(Factory);
        using var provider = new ProviderBrowser(Provider);
        var back = await provider.SignInAsync(console, subject);

        Assert.Equal(HttpStatusCode.Redirect, back.Status);
        Assert.Equal("/signin", PathOf(back.Location));
        var page = await back.FollowAsync();
        Assert.Equal(HttpStatusCode.OK, page.Status);
        var alert = page.Text("[role=alert]");
        Assert.Contains("cannot sign in to this service", alert, StringComparison.Ordinal);
        Assert.Contains(reason, alert, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", page.Html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await console.GetAsync("/")).Status);
        // Shown once: the message does not stay on the page.
        Assert.Empty((await console.GetAsync("/signin")).All("[role=alert]"));
        // Logged for the operators by the rule's phrase, never with the subject itself.
        var logged = fixture.Logs.Messages.Where(static m => m.Contains("console sign-in at the authority failed", StringComparison.Ordinal)).ToList();
        Assert.Contains(logged, m => m.Contains(reason, StringComparison.Ordinal));
        Assert.DoesNotContain(fixture.Logs.Messages, m => m.Contains(subject, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Cancelling_at_the_provider_comes_back_to_the_sign_in_page_with_a_message()
    {
        using var console = ConsoleClient.Anonymous(Factory);
        using var provider = new ProviderBrowser(Provider);
        var back = await provider.SignInAsync(console, user: null, returnUrl: "/my-requests");

        Assert.Equal(HttpStatusCode.Redirect, back.Status);
        Assert.Equal("/signin", PathOf(back.Location));
        Assert.EndsWith("?returnUrl=%2Fmy-requests", back.Location!.OriginalString, StringComparison.Ordinal);
        var page = await back.FollowAsync();
        Assert.Contains("cancelled or refused", page.Text("[role=alert]"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await console.GetAsync("/")).Status);
    }

    [Theory]
    [InlineData("/signin-oidc?code=forged&state=forged")]
    [InlineData("/signin-oidc?error=access_denied&state=forged")]
    [InlineData("/signin-oidc")]
    public async Task A_forged_or_stale_answer_is_a_message_not_a_stack_trace(string callback)
    {
        using var console = ConsoleClient.Anonymous(Factory);
        var back = await console.GetAsync(callback);

        Assert.Equal(HttpStatusCode.Redirect, back.Status);
        Assert.Equal("/signin", PathOf(back.Location));
        var page = await back.FollowAsync();
        Assert.Contains("did not complete", page.Text("[role=alert]"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await console.GetAsync("/")).Status);
    }

    [Fact]
    public async Task An_answer_replayed_after_the_sign_in_used_it_is_refused()
    {
        var user = NewPerson("ray", "engineer");
        using var console = ConsoleClient.Anonymous(Factory);
        using var provider = new ProviderBrowser(Provider);
        var start = await console.GetAsync("/signin?handler=oidc");
        var callback = ProviderBrowser.BackAtConsole(await provider.AnswerSignInPageAsync(await provider.GetAsync(start.Location!), user));
        Assert.Equal("/", (await console.GetAsync(callback)).Location!.OriginalString);

        // Another browser (no correlation cookie) and the same one (cookie spent) both get the sign-in page back.
        using var other = ConsoleClient.Anonymous(Factory);
        Assert.Equal("/signin", PathOf((await other.GetAsync(callback)).Location));
        Assert.Equal(HttpStatusCode.Redirect, (await other.GetAsync("/")).Status);
        Assert.Equal("/signin", PathOf((await console.GetAsync(callback)).Location));
    }

    [Fact]
    public async Task The_demo_sign_in_is_refused_when_an_authority_is_configured()
    {
        // Signed in at the provider as an engineer, with a valid form token (from the sign-out form), posting the demo
        // sign-in to become an admin.
        var user = NewPerson("eve", "engineer");
        using var console = ConsoleClient.Anonymous(Factory);
        using var provider = new ProviderBrowser(Provider);
        await provider.SignInAsync(console, user);
        var token = (await console.GetAsync("/")).One("header form input[name=__csrf]").GetAttribute("value")!;

        var refused = await console.PostFormAsync("/signin", [new("User", "carol"), new("Role", "admin"), new("__csrf", token)]);

        Assert.Equal(HttpStatusCode.Forbidden, refused.Status);
        Assert.Contains("demo sign-in is off", refused.Text("[role=alert]"), StringComparison.Ordinal);
        var home = await console.GetAsync("/");
        Assert.Equal(user, home.Text("[data-testid=signed-in-as]"));
        Assert.Empty(home.All("a[href='/approvals']"));
    }

    [Fact]
    public async Task Signing_out_ends_the_session_here_and_at_the_provider()
    {
        var user = NewPerson("sid", "engineer");
        using var console = ConsoleClient.Anonymous(Factory);
        using var provider = new ProviderBrowser(Provider);
        await provider.SignInAsync(console, user);

        var home = await console.GetAsync("/");
        var signOut = await home.SubmitAsync("header form");
        Assert.Equal(HttpStatusCode.Redirect, signOut.Status);
        var endSession = signOut.Location!;
        Assert.StartsWith(new Uri(Provider.Authority, "connect/endsession").ToString(), endSession.ToString(), StringComparison.Ordinal);
        Assert.Contains("id_token_hint=", endSession.Query, StringComparison.Ordinal);
        Assert.Contains("post_logout_redirect_uri=http%3A%2F%2Flocalhost%2Fsignout-callback-oidc", endSession.Query, StringComparison.Ordinal);

        var ended = await provider.GetAsync(endSession);
        var callback = await console.GetAsync(ProviderBrowser.BackAtConsole(ended));
        Assert.Equal(HttpStatusCode.Redirect, callback.Status);
        Assert.Equal("/signin", callback.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, (await console.GetAsync("/")).Status);

        // The provider's session ended too: the next sign-in asks who one is again.
        var again = await console.GetAsync("/signin?handler=oidc");
        var providerPage = await provider.GetAsync(again.Location!);
        Assert.Contains("Example organisation sign-in", await providerPage.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_session_lasts_SessionMinutes_not_the_id_tokens_lifetime_and_then_ends()
    {
        var user = NewPerson("tim", "engineer");
        using var console = ConsoleClient.Anonymous(Factory);
        using var provider = new ProviderBrowser(Provider);
        await provider.SignInAsync(console, user);

        Factory.Time.Advance(TestOidcProvider.IdentityTokenLifetime * 2);
        Assert.Equal(HttpStatusCode.OK, (await console.GetAsync("/")).Status);
        // The clock only moves forward: sessions the other tests start later begin at the new time.
        Factory.Time.Advance(TimeSpan.FromMinutes(480) - TestOidcProvider.IdentityTokenLifetime * 2 + TimeSpan.FromMinutes(1));
        var expired = await console.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, expired.Status);
        Assert.Equal("/signin", expired.Location!.AbsolutePath);
    }

    [Fact]
    public async Task The_JSON_API_never_takes_the_console_cookie()
    {
        var user = NewPerson("api", "admin");
        using var console = ConsoleClient.Anonymous(Factory);
        using var provider = new ProviderBrowser(Provider);
        await provider.SignInAsync(console, user);

        var response = await console.Http.GetAsync("/v1/access-requests");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
