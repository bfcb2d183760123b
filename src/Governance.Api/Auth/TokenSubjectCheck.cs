using System.Security.Claims;
using Governance.Core.Identity;
using Governance.Core.Results;
using Microsoft.AspNetCore.Authentication.JwtBearer;

namespace Governance.Api.Auth;

/// <summary>
/// Refuses a validly signed token whose <c>sub</c> cannot name an actor (<see cref="ActorIdRule"/>), for the local
/// signing key and an OIDC authority alike: <see cref="BearerChallenge"/> answers 401 with
/// <c>WWW-Authenticate: Bearer error="invalid_token"</c>, its <c>error_description</c>, and a problem with the code
/// <see cref="ProblemCodes.TokenSubjectInvalid"/>.
/// </summary>
/// <remarks>
/// Checked once, at authentication, so that every endpoint, handler and log line after it can take the subject as an
/// actor id: without it a token with no <c>sub</c> reached <see cref="ClaimsPrincipalExtensions.SubjectId"/> and a 500.
/// </remarks>
internal static class TokenSubjectCheck
{
    /// <summary>Adds the check to <paramref name="events"/>, keeping whatever they already do.</summary>
    public static void AddTo(JwtBearerEvents events)
    {
        ArgumentNullException.ThrowIfNull(events);
        var validated = events.OnTokenValidated;
        events.OnTokenValidated = async context =>
        {
            await validated(context).ConfigureAwait(false);
            if (Refusal(context.Principal) is { } refusal)
            {
                context.Fail(new SubjectRefusedException(refusal));
            }
        };
    }

    /// <summary>Why the signed-in <paramref name="principal"/>'s <c>sub</c> cannot name an actor, or null when it can.</summary>
    /// <remarks>The bearer API's tokens and the console's id_tokens both pass here; the text never repeats the subject.</remarks>
    public static string? Refusal(ClaimsPrincipal? principal)
    {
        var subjects = principal?.FindAll("sub").Select(static c => c.Value).ToArray() ?? [];
        var refusal = subjects.Length > 1 ? "is given more than once" : ActorIdRule.Refusal(subjects.FirstOrDefault());
        return refusal is null ? null : $"the token's `sub` {refusal}";
    }
}
