using System.Net;
using Governance.Api.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;

namespace Governance.Api.Tests.Console.Infrastructure;

/// <summary>
/// A person at the console in a browser without JavaScript: a cookie jar, no redirect followed unasked, every action a
/// form post carrying the antiforgery token the page gave.
/// </summary>
public sealed class ConsoleClient : IDisposable
{
    private readonly HttpClient _http;

    private ConsoleClient(HttpClient http, CookieContainer cookies)
    {
        _http = http;
        CookieJar = cookies;
    }

    /// <summary>The browser's cookies; another client given them is the same browser reaching another node.</summary>
    public CookieContainer CookieJar { get; }

    /// <summary>A client with no session yet, or with the cookies of <paramref name="cookies"/>.</summary>
    public static ConsoleClient Anonymous(GovernanceApiFactory factory, CookieContainer? cookies = null)
    {
        ArgumentNullException.ThrowIfNull(factory);
        cookies ??= new CookieContainer();
        return new ConsoleClient(factory.CreateDefaultClient(new CookieContainerHandler(cookies)), cookies);
    }

    /// <summary>Signs in through the demo sign-in form as <paramref name="user"/> with <paramref name="role"/>.</summary>
    public static async Task<ConsoleClient> SignInAsync(GovernanceApiFactory factory, string user, string role)
    {
        var client = Anonymous(factory);
        var form = await client.GetAsync("/signin");
        var signedIn = await form.SubmitAsync("main form", new Dictionary<string, string> { ["User"] = user, ["Role"] = role });
        Assert.True(signedIn.Status == HttpStatusCode.Redirect, $"the demo sign-in answered {(int)signedIn.Status}: {signedIn.MainText}");
        return client;
    }

    /// <summary>The raw client, for calls a page does not make (such as a form post without the token).</summary>
    public HttpClient Http => _http;

    public async Task<ConsolePage> GetAsync(string path)
    {
        using var response = await _http.GetAsync(path);
        return await ReadAsync(path, response);
    }

    /// <summary>Gets <paramref name="path"/>, following redirects within the console as a browser would (at most five).</summary>
    public async Task<ConsolePage> OpenAsync(string path)
    {
        var page = await GetAsync(path);
        for (var hops = 0; hops < 5 && page.Status is HttpStatusCode.Redirect or HttpStatusCode.Found or HttpStatusCode.SeeOther; hops++)
        {
            page = await page.FollowAsync();
        }
        return page;
    }

    public async Task<ConsolePage> PostFormAsync(string path, IEnumerable<KeyValuePair<string, string>> values)
    {
        using var content = new FormUrlEncodedContent(values);
        using var response = await _http.PostAsync(path, content);
        return await ReadAsync(path, response);
    }

    public void Dispose() => _http.Dispose();

    private async Task<ConsolePage> ReadAsync(string path, HttpResponseMessage response)
        => new(this, path, response.StatusCode, response.Headers.Location, await response.Content.ReadAsStringAsync());
}
