using Governance.Core.Results;
using Microsoft.IdentityModel.Tokens;

namespace Governance.Api.Auth;

/// <summary>
/// Why a bearer token was refused, as a problem code and one sentence for the caller: which check failed, never the
/// token, the key or the claims' values beyond what the caller sent (a refusal must not help forge the next token).
/// </summary>
/// <param name="Code">One of <see cref="ProblemCodes"/>' <c>Token…</c> codes.</param>
/// <param name="Detail">What was wrong and what the service expected; lower case, no final period.</param>
internal sealed record TokenRefusal(string Code, string Detail)
{
    /// <summary>The request carried no bearer token.</summary>
    public static TokenRefusal Missing { get; } = new(ProblemCodes.TokenMissing,
        "no bearer token: send `Authorization: Bearer <token>` (on the embedded service, `iamgov token` prints one)");

    /// <summary>
    /// The refusal for the handler's <paramref name="failure"/>: the first of several when each key or handler failed.
    /// A signature that does not verify because the token's <paramref name="algorithm"/> is not among
    /// <paramref name="accepted"/> (null: any) is told as the algorithm's refusal: the library reports both the same way.
    /// </summary>
    public static TokenRefusal Of(Exception failure, string? algorithm = null, IEnumerable<string>? accepted = null)
    {
        ArgumentNullException.ThrowIfNull(failure);
        if (algorithm is not null && (string.Equals(algorithm, "none", StringComparison.OrdinalIgnoreCase)
            || (accepted is not null && !accepted.Contains(algorithm, StringComparer.Ordinal))))
        {
            return new(ProblemCodes.TokenAlgorithmInvalid, accepted is null
                ? "the token is not signed (`alg: none`); expected a signed token"
                : $"the token is signed with an algorithm this service does not accept; expected {string.Join(" or ", accepted)}");
        }
        while (failure is AggregateException { InnerExceptions.Count: > 0 } aggregate)
        {
            failure = aggregate.InnerExceptions[0];
        }
        return failure switch
        {
            SecurityTokenExpiredException expired => new(ProblemCodes.TokenExpired,
                $"the token expired at {expired.Expires:yyyy-MM-ddTHH:mm:ssZ}; get a new one"),
            SecurityTokenNotYetValidException early => new(ProblemCodes.TokenNotYetValid,
                $"the token is not valid before {early.NotBefore:yyyy-MM-ddTHH:mm:ssZ}; check the issuer's and this service's clocks"),
            SecurityTokenInvalidIssuerException => new(ProblemCodes.TokenIssuerInvalid,
                "the token's issuer (`iss`) is not the one this service accepts"),
            SecurityTokenInvalidAudienceException => new(ProblemCodes.TokenAudienceInvalid,
                "the token's audience (`aud`) does not name this service"),
            SecurityTokenInvalidAlgorithmException => new(ProblemCodes.TokenAlgorithmInvalid,
                "the token is signed with an algorithm this service does not accept"),
            SecurityTokenSignatureKeyNotFoundException or SecurityTokenInvalidSignatureException => new(ProblemCodes.TokenSignatureInvalid,
                "the token's signature does not verify with this service's key: it was signed with another key (on the embedded service, "
                + "another data folder's signing key) or altered after signing"),
            SecurityTokenMalformedException or ArgumentException => new(ProblemCodes.TokenMalformed,
                "the bearer value is not a JWT: expected three base64url parts separated by dots"),
            _ => new(ProblemCodes.TokenInvalid, "the token is not accepted"),
        };
    }
}
