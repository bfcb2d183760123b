using Governance.Api.Console;
using Governance.Core.Hosting;
using Governance.Core.Infrastructure.Signing;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;

namespace Governance.Api.Auth;

/// <summary>JWT bearer authentication: an OIDC authority in production, the local signing key on the embedded default.</summary>
internal static class JwtBearerSetup
{
    /// <summary>The default scheme: <see cref="JwtBearerDefaults.AuthenticationScheme"/> on the API's addresses, the console's cookie elsewhere.</summary>
    public const string ByAddressScheme = "by-address";

    public static IServiceCollection AddGovernanceAuthentication(this IServiceCollection services, GovernanceOptions options, GovernancePaths paths)
    {
        var auth = options.Auth;
        var skew = TimeSpan.FromSeconds(auth.ClockSkewSeconds);
        // Read now, at start: read inside the options callback, a broken key file turned every request, health included, into a 500.
        var localKey = auth.Authority is { Length: > 0 } ? null : LocalSigningKey.LoadOrCreate(paths.DataDirectory);
        // One default scheme that picks by address: the JSON API reads bearer tokens alone, the console its cookie alone,
        // so a request is known as its caller before the per-subject rate limit, whichever door it came through.
        services.AddAuthentication(ByAddressScheme)
            .AddPolicyScheme(ByAddressScheme, "bearer for the API, the cookie for the console", static scheme => scheme.ForwardDefaultSelector =
                static context => ConsolePaths.IsApi(context.Request.Path) ? JwtBearerDefaults.AuthenticationScheme : ConsoleAuthentication.CookieScheme)
            .AddConsoleSignIn(options)
            .AddJwtBearer(jwt =>
        {
            // Keep claim names as issued (`sub`, `role`), so the configured role claim means what it says.
            jwt.MapInboundClaims = false;
            TokenSubjectCheck.AddTo(jwt.Events);
            BearerChallenge.AddTo(jwt.Events);
            if (auth.Authority is { Length: > 0 } authority)
            {
                jwt.Authority = authority;
                // GovernanceOptionsValidator refuses an authority without an audience at start.
                jwt.Audience = auth.Audience;
                jwt.TokenValidationParameters = AuthorityTokenParameters.For(auth, auth.Audience!);
            }
            else
            {
                jwt.TokenValidationParameters = localKey!.ValidationParameters(auth.RoleClaim, skew);
            }
        });
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme).PostConfigure<TimeProvider>(static (jwt, time) =>
        {
            for (var i = 0; i < jwt.TokenHandlers.Count; i++)
            {
                jwt.TokenHandlers[i] = new ValidatedTokenCache(jwt.TokenHandlers[i], time);
            }
        });
        return services;
    }

    /// <summary>
    /// Builds the bearer options now, so that a setting the handler refuses (an authority it cannot use) stops the start
    /// in one line rather than failing every request, health included.
    /// </summary>
    public static void ResolveAuthenticationAtStart(this IServiceProvider services)
        => _ = services.GetRequiredService<IOptionsMonitor<JwtBearerOptions>>().Get(JwtBearerDefaults.AuthenticationScheme);
}
