using Governance.Core.Identity;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Governance.Core.Infrastructure.Signing;

/// <summary>Mints tokens signed with the <see cref="LocalSigningKey"/>, as <c>iamgov token</c> and the tests do.</summary>
public static class LocalTokenIssuer
{
    /// <summary>The role claim's default name.</summary>
    public const string DefaultRoleClaim = "role";

    /// <summary>Mints a token for <paramref name="subject"/> with <paramref name="roles"/>, valid from now for <paramref name="lifetime"/>.</summary>
    public static string Mint(LocalSigningKey key, string subject, IEnumerable<string> roles, TimeSpan lifetime, TimeProvider time,
        string roleClaim = DefaultRoleClaim)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentException.ThrowIfNullOrWhiteSpace(subject);
        if (ActorIdRule.Refusal(subject) is { } refusal)
        {
            throw new ArgumentException($"the subject {refusal}", nameof(subject));
        }
        ArgumentNullException.ThrowIfNull(roles);
        ArgumentNullException.ThrowIfNull(time);
        if (lifetime <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(lifetime), "lifetime must be positive");
        }
        var now = time.GetUtcNow().UtcDateTime;
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = LocalSigningKey.Issuer,
            Audience = LocalSigningKey.Audience,
            IssuedAt = now,
            NotBefore = now,
            Expires = now + lifetime,
            SigningCredentials = new SigningCredentials(key.Key, LocalSigningKey.Algorithm),
            Claims = new Dictionary<string, object>(StringComparer.Ordinal)
            {
                ["sub"] = subject,
                [roleClaim] = roles.Distinct(StringComparer.Ordinal).ToArray(),
                ["jti"] = Guid.NewGuid().ToString("N"),
            },
        };
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(descriptor);
    }
}
