using Governance.Api.Problems;
using Governance.Core.Results;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Microsoft.Net.Http.Headers;

namespace Governance.Api.Auth;

/// <summary>
/// The API's answer to a request without an accepted token: 401 with an RFC 9457 problem whose <c>code</c> and
/// <c>detail</c> say why (<see cref="TokenRefusal"/>), and the RFC 6750 challenge: <c>WWW-Authenticate: Bearer</c> alone
/// when no token was sent, <c>Bearer error="invalid_token", error_description="…"</c> when one was refused.
/// </summary>
/// <remarks>The handler's own challenge answers with an empty body, which leaves a caller guessing between a wrong key, an expired token and a typo.</remarks>
internal static class BearerChallenge
{
    /// <summary>Sets <paramref name="events"/>' challenge to this one.</summary>
    public static void AddTo(JwtBearerEvents events)
    {
        ArgumentNullException.ThrowIfNull(events);
        events.OnChallenge = WriteAsync;
    }

    private static async Task WriteAsync(JwtBearerChallengeContext context)
    {
        context.HandleResponse();
        var refusal = context.AuthenticateFailure switch
        {
            null => TokenRefusal.Missing,
            SubjectRefusedException refused => new TokenRefusal(ProblemCodes.TokenSubjectInvalid, refused.Message),
            var failure => TokenRefusal.Of(failure, HeaderAlgorithm(context.Request), context.Options.TokenValidationParameters.ValidAlgorithms),
        };
        var response = context.Response;
        response.StatusCode = StatusCodes.Status401Unauthorized;
        response.Headers.Append(HeaderNames.WWWAuthenticate, refusal.Code == ProblemCodes.TokenMissing
            ? JwtBearerDefaults.AuthenticationScheme
            : $"{JwtBearerDefaults.AuthenticationScheme} error=\"invalid_token\", error_description=\"{refusal.Detail.Replace('"', '\'')}\"");
        await ProblemMapping.Unauthorized(refusal.Code, refusal.Detail).ExecuteAsync(context.HttpContext).ConfigureAwait(false);
    }

    /// <summary>The <c>alg</c> of the bearer token's header, when the request carries a token whose header can be read.</summary>
    private static string? HeaderAlgorithm(HttpRequest request)
    {
        var value = request.Headers.Authorization.ToString();
        const string Prefix = "Bearer ";
        if (!value.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }
        var handler = new JsonWebTokenHandler();
        var token = value[Prefix.Length..].Trim();
        try
        {
            return handler.CanReadToken(token) ? handler.ReadJsonWebToken(token).Alg : null;
        }
        catch (Exception e) when (e is ArgumentException or SecurityTokenMalformedException)
        {
            // Not a JWT at all: the handler's failure says so already.
            return null;
        }
    }
}
