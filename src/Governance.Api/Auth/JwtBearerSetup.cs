using Governance.Core.Hosting;
using Governance.Core.Infrastructure.Signing;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.Tokens;

namespace Governance.Api.Auth;

/// <summary>JWT bearer authentication: an OIDC authority in production, the local signing key on the embedded default.</summary>
internal static class JwtBearerSetup
{
    public static IServiceCollection AddGovernanceAuthentication(this IServiceCollection services, GovernanceOptions options, GovernancePaths paths)
    {
        var auth = options.Auth;
        var skew = TimeSpan.FromSeconds(auth.ClockSkewSeconds);
        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer(jwt =>
        {
            // Keep claim names as issued (`sub`, `role`), so the configured role claim means what it says.
            jwt.MapInboundClaims = false;
            TokenSubjectCheck.AddTo(jwt.Events);
            if (auth.Authority is { Length: > 0 } authority)
            {
                jwt.Authority = authority;
                // GovernanceOptionsValidator refuses an authority without an audience at start.
                jwt.Audience = auth.Audience;
                jwt.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidateIssuer = true,
                    ValidateAudience = true,
                    ValidAudience = auth.Audience,
                    ValidateLifetime = true,
                    RequireExpirationTime = true,
                    RequireSignedTokens = true,
                    ValidateIssuerSigningKey = true,
                    ValidAlgorithms = auth.Algorithms,
                    ClockSkew = skew,
                    NameClaimType = "sub",
                    RoleClaimType = auth.RoleClaim,
                };
            }
            else
            {
                jwt.TokenValidationParameters = LocalSigningKey.LoadOrCreate(paths.DataDirectory).ValidationParameters(auth.RoleClaim, skew);
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
}
