using System.Net;
using Governance.Api.Tests.Console.Infrastructure;
using Governance.Api.Tests.Infrastructure;

namespace Governance.Api.Tests.Console;

/// <summary>The console's demo sign-in and its session, as a browser without JavaScript sees them.</summary>
public sealed class DemoSignInTests(SqliteApiFixture fixture) : ApiTestBase<SqliteApiFixture>(fixture), IClassFixture<SqliteApiFixture>
{
    [SkippableFact]
    public async Task A_page_without_a_session_sends_to_the_sign_in_and_back()
    {
        using var anonymous = ConsoleClient.Anonymous(Factory);
        var page = await anonymous.GetAsync("/?principal=data-engineer");
        Assert.Equal(HttpStatusCode.Redirect, page.Status);
        Assert.Equal("/signin", page.Location!.AbsolutePath);
        Assert.Contains("returnUrl=%2F%3Fprincipal%3Ddata-engineer", page.Location.Query, StringComparison.Ordinal);

        var form = await page.FollowAsync();
        Assert.Contains("Demo mode", form.MainText, StringComparison.Ordinal);
        var signedIn = await form.SubmitAsync("main form", new Dictionary<string, string> { ["User"] = NewUser("ann"), ["Role"] = "engineer" });
        Assert.Equal(HttpStatusCode.Redirect, signedIn.Status);
        Assert.Equal("/?principal=data-engineer", signedIn.Location!.OriginalString);
    }

    [SkippableFact]
    public async Task Signed_in_the_layout_names_the_person_and_marks_the_demo_mode()
    {
        var user = NewUser("bea");
        using var console = await ConsoleClient.SignInAsync(Factory, user, "approver");
        var home = await console.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, home.Status);
        Assert.Equal(user, home.Text("[data-testid=signed-in-as]"));
        Assert.Contains("Demo mode", home.Text(".demo-banner"), StringComparison.Ordinal);
        Assert.NotEmpty(home.All("a[href='/approvals']"));
    }

    [SkippableFact]
    public async Task An_engineer_sees_no_approver_links()
    {
        using var console = await ConsoleClient.SignInAsync(Factory, NewUser("cid"), "engineer");
        var home = await console.GetAsync("/");
        Assert.Empty(home.All("a[href='/approvals']"));
        Assert.Empty(home.All("a[href='/audit']"));
    }

    [SkippableTheory]
    [InlineData("", "is empty")]
    [InlineData("system:scheduler", "system:")]
    [InlineData("eve\u202Eevil", "character")]
    public async Task A_user_name_that_cannot_name_an_actor_is_refused_at_its_field(string user, string reason)
    {
        using var anonymous = ConsoleClient.Anonymous(Factory);
        var form = await anonymous.GetAsync("/signin");
        var refused = await form.SubmitAsync("main form", new Dictionary<string, string> { ["User"] = user, ["Role"] = "admin" });
        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains(reason, refused.Text("#user-error"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await anonymous.GetAsync("/")).Status);
    }

    [SkippableFact]
    public async Task A_role_the_service_does_not_know_is_refused()
    {
        using var anonymous = ConsoleClient.Anonymous(Factory);
        var form = await anonymous.GetAsync("/signin");
        var refused = await form.SubmitAsync("main form", new Dictionary<string, string> { ["User"] = NewUser("dan"), ["Role"] = "root" });
        Assert.Contains("Pick one of the roles", refused.Text("[role=alert]"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await anonymous.GetAsync("/")).Status);
    }

    [SkippableFact]
    public async Task A_form_post_without_the_antiforgery_token_is_refused()
    {
        using var anonymous = ConsoleClient.Anonymous(Factory);
        _ = await anonymous.GetAsync("/signin");
        using var content = new FormUrlEncodedContent([new("User", NewUser("eve")), new("Role", "admin")]);
        var response = await anonymous.Http.PostAsync("/signin", content);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain("Exception", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await anonymous.GetAsync("/")).Status);
    }

    [SkippableTheory]
    [InlineData("https://evil.example/")]
    [InlineData("//evil.example/")]
    [InlineData("/\\evil.example")]
    public async Task The_return_address_stays_on_the_console(string returnUrl)
    {
        using var anonymous = ConsoleClient.Anonymous(Factory);
        var form = await anonymous.GetAsync($"/signin?returnUrl={Uri.EscapeDataString(returnUrl)}");
        var signedIn = await form.SubmitAsync("main form", new Dictionary<string, string> { ["User"] = NewUser("fay"), ["Role"] = "engineer" });
        Assert.Equal(HttpStatusCode.Redirect, signedIn.Status);
        Assert.Equal("/", signedIn.Location!.OriginalString);
    }

    [SkippableFact]
    public async Task Signing_out_ends_the_session()
    {
        using var console = await ConsoleClient.SignInAsync(Factory, NewUser("gil"), "engineer");
        var home = await console.GetAsync("/");
        var signedOut = await home.SubmitAsync("header form");
        Assert.Equal(HttpStatusCode.Redirect, signedOut.Status);
        Assert.Equal("/signin", signedOut.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, (await console.GetAsync("/")).Status);
    }

    [SkippableFact]
    public async Task The_session_ends_by_itself_after_its_lifetime()
    {
        using var console = await ConsoleClient.SignInAsync(Factory, NewUser("hal"), "engineer");
        Assert.Equal(HttpStatusCode.OK, (await console.GetAsync("/")).Status);
        Factory.Time.Advance(TimeSpan.FromMinutes(479));
        Assert.Equal(HttpStatusCode.OK, (await console.GetAsync("/")).Status);
        // The clock only moves forward: sessions the other tests start later begin at the new time.
        Factory.Time.Advance(TimeSpan.FromMinutes(2));
        var expired = await console.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, expired.Status);
        Assert.Equal("/signin", expired.Location!.AbsolutePath);
    }

    [SkippableFact]
    public async Task The_JSON_API_never_takes_the_console_cookie()
    {
        using var console = await ConsoleClient.SignInAsync(Factory, NewUser("ida"), "admin");
        var response = await console.Http.GetAsync("/v1/access-requests");
        AssertProblem(response, HttpStatusCode.Unauthorized);
    }

    [SkippableFact]
    public async Task Console_pages_load_only_their_own_style_and_post_only_to_the_console()
    {
        using var anonymous = ConsoleClient.Anonymous(Factory);
        var response = await anonymous.Http.GetAsync("/signin");
        var policy = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("default-src 'none'", policy, StringComparison.Ordinal);
        Assert.Contains("style-src 'self'", policy, StringComparison.Ordinal);
        Assert.Contains("form-action 'self'", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("script-src", policy, StringComparison.Ordinal);
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
    }

    [SkippableFact]
    public async Task An_unknown_console_address_is_a_page_not_a_stack_trace()
    {
        using var console = await ConsoleClient.SignInAsync(Factory, NewUser("jon"), "engineer");
        var page = await console.GetAsync("/requests/not-an-id");
        Assert.Equal(HttpStatusCode.NotFound, page.Status);
        Assert.Equal("Not found", page.Text("h1"));
        Assert.StartsWith("text/html", (await console.Http.GetAsync("/no/such/page")).Content.Headers.ContentType?.ToString(), StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task An_unknown_API_address_keeps_its_problem_details()
    {
        var response = await Factory.ClientFor(NewUser("kim"), "engineer").GetAsync("/v1/no-such-thing");
        AssertProblem(response, HttpStatusCode.NotFound);
    }
}
