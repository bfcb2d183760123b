using Governance.Core.Results;

namespace Governance.Api.Tests.Infrastructure;

/// <summary>Tokens the service must refuse with 401, each with the problem code and a phrase of the reason it must give.</summary>
internal static class RefusedTokens
{
    /// <summary>Each kind of refused token, the problem code it must give and a phrase its detail must carry.</summary>
    public static TheoryData<string, string, string> Cases() => new()
    {
        { "missing", ProblemCodes.TokenMissing, "no bearer token" },
        { "expired", ProblemCodes.TokenExpired, "expired at" },
        { "not-yet-valid", ProblemCodes.TokenNotYetValid, "not valid before" },
        { "wrong-issuer", ProblemCodes.TokenIssuerInvalid, "issuer" },
        { "wrong-audience", ProblemCodes.TokenAudienceInvalid, "audience" },
        { "wrongly-signed", ProblemCodes.TokenSignatureInvalid, "signature" },
        { "other-algorithm", ProblemCodes.TokenAlgorithmInvalid, "algorithm" },
        { "alg-none", ProblemCodes.TokenAlgorithmInvalid, "algorithm" },
        { "garbage", ProblemCodes.TokenMalformed, "not a JWT" },
        { "bad-subject", ProblemCodes.TokenSubjectInvalid, "`sub`" },
    };
}
