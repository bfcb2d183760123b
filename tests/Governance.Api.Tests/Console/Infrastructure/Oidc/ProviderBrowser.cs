using System.Net;
using AngleSharp.Html.Parser;

namespace Governance.Api.Tests.Console.Infrastructure.Oidc;

/// <summary>
/// The provider's side of a browser without JavaScript: its own cookie jar at the provider (its session there), no
/// redirect followed unasked. With a <see cref="ConsoleClient"/> it walks a whole sign-in over HTTP.
/// </summary>
public sealed class ProviderBrowser : IDisposable
{
    private readonly HttpClient _http;

    public ProviderBrowser(TestOidcProvider provider)
    {
        ArgumentNullException.ThrowIfNull(provider);
        var handler = TestCertificate.TrustingHandler(provider.Certificate);
        handler.AllowAutoRedirect = false;
        handler.CookieContainer = new CookieContainer();
        _http = new HttpClient(handler);
    }

    /// <summary>Opens <paramref name="address"/> at the provider.</summary>
    public Task<HttpResponseMessage> GetAsync(Uri address) => _http.GetAsync(address);

    /// <summary>Answers the provider's sign-in page: signs in as <paramref name="user"/>, or cancels when it is null.</summary>
    public async Task<HttpResponseMessage> AnswerSignInPageAsync(HttpResponseMessage page, string? user)
    {
        ArgumentNullException.ThrowIfNull(page);
        Assert.True(page.StatusCode == HttpStatusCode.OK, $"the provider answered {(int)page.StatusCode}, not its sign-in page");
        var document = new HtmlParser().ParseDocument(await page.Content.ReadAsStringAsync());
        var form = document.QuerySelector("form") ?? throw new InvalidOperationException("the provider's page has no form");
        var fields = form.QuerySelectorAll("input[type=hidden]")
            .Select(static i => new KeyValuePair<string, string>(i.GetAttribute("name")!, i.GetAttribute("value") ?? ""))
            .ToList();
        fields.Add(new("username", user ?? ""));
        fields.Add(new("decision", user is null ? "cancel" : "sign-in"));
        using var content = new FormUrlEncodedContent(fields);
        return await _http.PostAsync(new Uri(page.RequestMessage!.RequestUri!, form.GetAttribute("action")), content);
    }

    /// <summary>
    /// Starts the console's sign-in, signs in at the provider as <paramref name="user"/> (or cancels), and opens the
    /// console's callback: the console's answer to it.
    /// </summary>
    public async Task<ConsolePage> SignInAsync(ConsoleClient console, string? user, string returnUrl = "/")
    {
        ArgumentNullException.ThrowIfNull(console);
        var start = await console.GetAsync($"/signin?handler=oidc&returnUrl={Uri.EscapeDataString(returnUrl)}");
        Assert.True(start.Status == HttpStatusCode.Redirect, $"the sign-in did not start: {(int)start.Status} {start.MainText}");
        var answered = await AnswerSignInPageAsync(await GetAsync(start.Location!), user);
        return await console.GetAsync(BackAtConsole(answered));
    }

    /// <summary>The console address a provider's redirect points at, as the console client opens it.</summary>
    public static string BackAtConsole(HttpResponseMessage redirect)
    {
        ArgumentNullException.ThrowIfNull(redirect);
        Assert.True(redirect.StatusCode == HttpStatusCode.Redirect, $"the provider answered {(int)redirect.StatusCode}, not a redirect back");
        return redirect.Headers.Location!.PathAndQuery;
    }

    public void Dispose() => _http.Dispose();
}
