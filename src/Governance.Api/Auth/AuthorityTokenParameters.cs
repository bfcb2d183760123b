using Governance.Core.Hosting;
using Microsoft.IdentityModel.Tokens;

namespace Governance.Api.Auth;

/// <summary>
/// How a token signed by the configured authority is checked, for the bearer API's access tokens and the console's
/// id_tokens alike: signed with one of <c>Governance:Auth:Algorithms</c>, within its lifetime, <c>sub</c> naming the
/// person and <c>Governance:Auth:RoleClaim</c> their roles. The issuer and its keys come from the authority's discovery.
/// </summary>
internal static class AuthorityTokenParameters
{
    /// <summary>The checks for a token meant for <paramref name="audience"/> (the API's audience, or the console's client id).</summary>
    public static TokenValidationParameters For(GovernanceOptions.AuthOptions auth, string audience)
    {
        ArgumentNullException.ThrowIfNull(auth);
        return new TokenValidationParameters
        {
            ValidateIssuer = true,
            ValidateAudience = true,
            ValidAudience = audience,
            ValidateLifetime = true,
            RequireExpirationTime = true,
            RequireSignedTokens = true,
            ValidateIssuerSigningKey = true,
            ValidAlgorithms = auth.Algorithms,
            ClockSkew = TimeSpan.FromSeconds(auth.ClockSkewSeconds),
            NameClaimType = "sub",
            RoleClaimType = auth.RoleClaim,
        };
    }
}
