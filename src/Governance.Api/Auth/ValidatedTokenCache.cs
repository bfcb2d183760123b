using System.Collections.Concurrent;
using Microsoft.IdentityModel.Tokens;

namespace Governance.Api.Auth;

/// <summary>
/// Wraps the JWT handler so that a token already validated is not validated again on every request: the signature
/// check, JSON parse and claims building dominate a cheap request such as <c>GET /v1/can-i</c> (see docs/load-test.md).
/// </summary>
/// <remarks>
/// Only successful validations are kept, keyed by the whole token text (signature included), so a hit is exactly a
/// token that passed every check. An entry lives until the token's own expiry and at most <see cref="MaxAge"/>; the
/// cache holds at most <see cref="MaxEntries"/> tokens and is emptied when full. A hit returns the same claims identity
/// as the first validation. Invariant: nothing in this service mutates an authenticated identity.
/// <para>
/// JwtBearerHandler clones its <see cref="TokenValidationParameters"/> for every request, so a hit is decided by what the
/// parameters check (issuers, audiences, algorithms, signing keys and the switches), not by the instance: the clone is
/// shallow, so the keys are the same objects until the configuration (an OIDC authority's key set, say) changes.
/// </para>
/// </remarks>
internal sealed class ValidatedTokenCache(TokenHandler inner, TimeProvider time) : TokenHandler
{
    /// <summary>The longest a validation is reused.</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(5);

    /// <summary>The most tokens kept.</summary>
    public const int MaxEntries = 10_000;

    private readonly ConcurrentDictionary<string, (TokenValidationResult Result, TokenValidationParameters Parameters, DateTimeOffset Until)> _valid
        = new(StringComparer.Ordinal);

    public override async Task<TokenValidationResult> ValidateTokenAsync(string token, TokenValidationParameters validationParameters)
    {
        ArgumentNullException.ThrowIfNull(token);
        var now = time.GetUtcNow();
        if (_valid.TryGetValue(token, out var hit) && now < hit.Until && SameChecks(hit.Parameters, validationParameters))
        {
            return hit.Result;
        }
        var result = await inner.ValidateTokenAsync(token, validationParameters).ConfigureAwait(false);
        if (result.IsValid && result.SecurityToken is { } validated)
        {
            var until = new DateTimeOffset(DateTime.SpecifyKind(validated.ValidTo, DateTimeKind.Utc));
            if (until > now)
            {
                if (_valid.Count >= MaxEntries)
                {
                    _valid.Clear();
                }
                _valid[token] = (result, validationParameters, until < now + MaxAge ? until : now + MaxAge);
            }
        }
        else
        {
            _valid.TryRemove(token, out _);
        }
        return result;
    }

    public override SecurityToken ReadToken(string token) => inner.ReadToken(token);

    /// <summary>Whether <paramref name="b"/> validates a token exactly as <paramref name="a"/> did.</summary>
    internal static bool SameChecks(TokenValidationParameters a, TokenValidationParameters b)
        => ReferenceEquals(a, b)
           || (a.ValidateIssuer == b.ValidateIssuer && a.ValidateAudience == b.ValidateAudience
               && a.ValidateLifetime == b.ValidateLifetime && a.ValidateIssuerSigningKey == b.ValidateIssuerSigningKey
               && a.RequireSignedTokens == b.RequireSignedTokens && a.RequireExpirationTime == b.RequireExpirationTime
               && a.ClockSkew == b.ClockSkew
               && string.Equals(a.ValidIssuer, b.ValidIssuer, StringComparison.Ordinal) && SameStrings(a.ValidIssuers, b.ValidIssuers)
               && string.Equals(a.ValidAudience, b.ValidAudience, StringComparison.Ordinal) && SameStrings(a.ValidAudiences, b.ValidAudiences)
               && SameStrings(a.ValidAlgorithms, b.ValidAlgorithms)
               && string.Equals(a.RoleClaimType, b.RoleClaimType, StringComparison.Ordinal)
               && string.Equals(a.NameClaimType, b.NameClaimType, StringComparison.Ordinal)
               && ReferenceEquals(a.IssuerSigningKey, b.IssuerSigningKey) && SameKeys(a.IssuerSigningKeys, b.IssuerSigningKeys)
               && ReferenceEquals(a.IssuerSigningKeyResolver, b.IssuerSigningKeyResolver)
               && ReferenceEquals(a.IssuerValidator, b.IssuerValidator) && ReferenceEquals(a.AudienceValidator, b.AudienceValidator)
               && ReferenceEquals(a.LifetimeValidator, b.LifetimeValidator) && ReferenceEquals(a.SignatureValidator, b.SignatureValidator));

    private static bool SameStrings(IEnumerable<string>? a, IEnumerable<string>? b)
        => ReferenceEquals(a, b) || (a ?? []).SequenceEqual(b ?? [], StringComparer.Ordinal);

    private static bool SameKeys(IEnumerable<SecurityKey>? a, IEnumerable<SecurityKey>? b)
        => ReferenceEquals(a, b) || (a ?? []).SequenceEqual(b ?? [], ReferenceEqualityComparer.Instance);
}
