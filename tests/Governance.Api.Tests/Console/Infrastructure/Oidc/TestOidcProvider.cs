using System.Collections.Concurrent;
using System.Net;
using System.Security.Claims;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Governance.Api.Tests.Console.Infrastructure.Oidc;

/// <summary>
/// A real OpenID Connect provider for the console's sign-in tests: OpenIddict's server on Kestrel, https on a loopback
/// port with a <see cref="TestCertificate"/>. Authorization code with PKCE, discovery, JWKS, userinfo and end-session.
/// Its sign-in page takes a user name (the <c>sub</c> it issues) and looks the person's roles up in <see cref="Roles"/>.
/// </summary>
public sealed class TestOidcProvider : IAsyncDisposable
{
    /// <summary>The console's client id at this provider.</summary>
    public const string ClientId = "iamgov-console";

    /// <summary>The console's client secret (a confidential client; PKCE is used as well).</summary>
    public const string ClientSecret = "console-secret-for-tests";

    private const string SessionScheme = "idp-session";

    private readonly WebApplication _app;
    private readonly SqliteConnection _store;

    private TestOidcProvider(WebApplication app, SqliteConnection store, X509Certificate2 certificate, Uri authority)
    {
        _app = app;
        _store = store;
        Certificate = certificate;
        Authority = authority;
    }

    /// <summary>The issuer, with its trailing slash: what <c>Governance:Auth:Authority</c> is set to.</summary>
    public Uri Authority { get; }

    /// <summary>The certificate the provider serves; trust it by thumbprint (<see cref="TestCertificate.TrustingHandler"/>).</summary>
    public X509Certificate2 Certificate { get; }

    /// <summary>The roles of each person, by user name; someone not listed signs in with none.</summary>
    public ConcurrentDictionary<string, string[]> Roles { get; } = new(StringComparer.Ordinal);

    /// <summary>People whose roles the provider gives at its userinfo endpoint only, not in the id_token.</summary>
    public ConcurrentDictionary<string, bool> RolesOnlyAtUserInfo { get; } = new(StringComparer.Ordinal);

    /// <summary>How long id_tokens last.</summary>
    public static TimeSpan IdentityTokenLifetime => TimeSpan.FromMinutes(5);

    /// <summary>Starts the provider on a free loopback port; without <paramref name="endSession"/> it offers no end-session endpoint.</summary>
    public static async Task<TestOidcProvider> StartAsync(bool endSession = true)
    {
        var certificate = TestCertificate.Create();
        var store = new SqliteConnection("Data Source=:memory:");
        await store.OpenAsync();
        var builder = WebApplication.CreateSlimBuilder();
        // The provider stands for a third party: its lines reach the run's secret scan at its own level only.
        builder.Logging.SetMinimumLevel(LogLevel.Warning).AddProvider(global::Governance.Api.Tests.Infrastructure.Logs.SecretScanningLoggerProvider.Run);
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen => listen.UseHttps(certificate)));
        builder.Services.AddDbContext<OidcProviderDbContext>(db => db.UseSqlite(store).UseOpenIddict());
        builder.Services.AddAuthentication(SessionScheme).AddCookie(SessionScheme, cookie => cookie.Cookie.Name = SessionScheme);
        builder.Services.AddAuthorization();
        builder.Services.AddOpenIddict()
            .AddCore(core => core.UseEntityFrameworkCore().UseDbContext<OidcProviderDbContext>())
            .AddServer(server =>
            {
                server.SetAuthorizationEndpointUris("connect/authorize")
                    .SetTokenEndpointUris("connect/token")
                    .SetUserInfoEndpointUris("connect/userinfo");
                if (endSession)
                {
                    server.SetEndSessionEndpointUris("connect/endsession");
                }
                server.AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange();
                server.RegisterScopes(Scopes.OpenId, Scopes.Profile);
                server.RegisterClaims(Claims.Subject, Claims.Role);
                server.AddEphemeralEncryptionKey().AddEphemeralSigningKey().DisableAccessTokenEncryption();
                server.SetIdentityTokenLifetime(IdentityTokenLifetime);
                var aspNetCore = server.UseAspNetCore()
                    .EnableAuthorizationEndpointPassthrough()
                    .EnableUserInfoEndpointPassthrough();
                if (endSession)
                {
                    aspNetCore.EnableEndSessionEndpointPassthrough();
                }
            });
        var app = builder.Build();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<OidcProviderDbContext>().Database.EnsureCreatedAsync();
        }
        TestOidcProvider? provider = null;
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapMethods("/connect/authorize", [HttpMethods.Get, HttpMethods.Post], (Func<HttpContext, Task<IResult>>)(http => provider!.AuthorizeAsync(http)));
        app.MapMethods("/connect/userinfo", [HttpMethods.Get, HttpMethods.Post], (Func<HttpContext, Task<IResult>>)(http => provider!.UserInfoAsync(http)));
        if (endSession)
        {
            app.MapMethods("/connect/endsession", [HttpMethods.Get, HttpMethods.Post], (Func<HttpContext, Task<IResult>>)EndSessionAsync);
        }
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        provider = new TestOidcProvider(app, store, certificate, new Uri(address.TrimEnd('/') + "/"));
        return provider;
    }

    /// <summary>Registers the console at <paramref name="service"/> as a client: its sign-in and signed-out callbacks.</summary>
    public async Task RegisterConsoleAsync(Uri service)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var applications = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
        if (await applications.FindByClientIdAsync(ClientId) is { } existing)
        {
            await applications.DeleteAsync(existing);
        }
        await applications.CreateAsync(new OpenIddictApplicationDescriptor
        {
            ClientId = ClientId,
            ClientSecret = ClientSecret,
            ClientType = ClientTypes.Confidential,
            DisplayName = "IAM governance console",
            RedirectUris = { new Uri(service, "/signin-oidc") },
            PostLogoutRedirectUris = { new Uri(service, "/signout-callback-oidc") },
            Permissions =
            {
                Permissions.Endpoints.Authorization,
                Permissions.Endpoints.Token,
                Permissions.Endpoints.EndSession,
                Permissions.GrantTypes.AuthorizationCode,
                Permissions.ResponseTypes.Code,
                Permissions.Scopes.Profile,
            },
            Requirements = { Requirements.Features.ProofKeyForCodeExchange },
        });
    }

    /// <summary>
    /// The authorization endpoint: the sign-in page for someone with no session here; a form post of it either signs them
    /// in (a user name) or cancels (access_denied); someone with a session gets a code at once.
    /// </summary>
    private async Task<IResult> AuthorizeAsync(HttpContext http)
    {
        var request = http.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("not an OpenID Connect request");
        string? user;
        if (HttpMethods.IsPost(http.Request.Method) && http.Request.Form.ContainsKey("decision"))
        {
            if (http.Request.Form["decision"] != "sign-in")
            {
                return Results.Forbid(new AuthenticationProperties(new Dictionary<string, string?>
                {
                    [OpenIddictServerAspNetCoreConstants.Properties.Error] = Errors.AccessDenied,
                    [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = "The person cancelled the sign-in.",
                }), [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
            }
            user = http.Request.Form["username"].ToString();
            await http.SignInAsync(SessionScheme, new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, user)], SessionScheme)));
        }
        else
        {
            user = (await http.AuthenticateAsync(SessionScheme)).Principal?.Identity?.Name;
        }
        if (user is null)
        {
            return Results.Content(SignInPage(request), "text/html; charset=utf-8");
        }
        var identity = new ClaimsIdentity(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme, Claims.Subject, Claims.Role);
        identity.SetClaim(Claims.Subject, user);
        identity.SetClaims(Claims.Role, [.. RolesOf(user)]);
        identity.SetScopes(request.GetScopes());
        var rolesInIdToken = !RolesOnlyAtUserInfo.ContainsKey(user);
        identity.SetDestinations(claim => claim.Type == Claims.Role && !rolesInIdToken
            ? [Destinations.AccessToken]
            : [Destinations.AccessToken, Destinations.IdentityToken]);
        return Results.SignIn(new ClaimsPrincipal(identity), authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    /// <summary>The userinfo endpoint: the subject and its roles, for the access token's subject.</summary>
    private async Task<IResult> UserInfoAsync(HttpContext http)
    {
        var principal = (await http.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme)).Principal;
        var subject = principal?.GetClaim(Claims.Subject);
        if (subject is null)
        {
            return Results.Challenge(authenticationSchemes: [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
        }
        return Results.Json(new Dictionary<string, object> { [Claims.Subject] = subject, [Claims.Role] = RolesOf(subject) });
    }

    /// <summary>The end-session endpoint: ends the session here and returns to the client's registered address.</summary>
    private static async Task<IResult> EndSessionAsync(HttpContext http)
    {
        await http.SignOutAsync(SessionScheme);
        return Results.SignOut(new AuthenticationProperties { RedirectUri = "/" }, [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
    }

    private string[] RolesOf(string user) => Roles.TryGetValue(user, out var roles) ? roles : [];

    /// <summary>The provider's sign-in page: the request's parameters kept as hidden fields, a user name, sign in or cancel.</summary>
    private static string SignInPage(OpenIddictRequest request)
    {
        var html = new StringBuilder();
        html.Append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Append("<title>Example organisation sign-in</title></head><body><main><h1>Example organisation sign-in</h1>")
            .Append("<form method=\"post\" action=\"/connect/authorize\">");
        foreach (var (name, value) in request.GetParameters())
        {
            html.Append("<input type=\"hidden\" name=\"").Append(HtmlEncoder.Default.Encode(name))
                .Append("\" value=\"").Append(HtmlEncoder.Default.Encode(value.ToString() ?? "")).Append("\">");
        }
        html.Append("<p><label for=\"username\">User name</label> <input id=\"username\" name=\"username\" autocomplete=\"username\"></p>")
            .Append("<p><button type=\"submit\" name=\"decision\" value=\"sign-in\">Sign in</button> ")
            .Append("<button type=\"submit\" name=\"decision\" value=\"cancel\">Cancel</button></p></form></main></body></html>");
        return html.ToString();
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        await _store.DisposeAsync();
        Certificate.Dispose();
    }
}
