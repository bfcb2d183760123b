using Governance.Core.Results;
using Microsoft.AspNetCore.Authorization;

namespace Governance.Api.Auth;

/// <summary>
/// A handler's failure that carries the domain rule's refusal, so that the endpoint answers with the rule's own problem
/// (code and detail) rather than one of its own.
/// </summary>
/// <param name="handler">The handler that failed the requirement.</param>
/// <param name="error">The rule's refusal.</param>
internal sealed class RefusalReason(IAuthorizationHandler handler, GovernanceError error) : AuthorizationFailureReason(handler, error.Detail)
{
    /// <summary>The rule's refusal.</summary>
    public GovernanceError Error { get; } = error;

    /// <summary>The refusal a failed <paramref name="result"/> carries.</summary>
    /// <remarks>Invariant: the requirements checked this way have one handler each, which fails only with a <see cref="RefusalReason"/>.</remarks>
    public static GovernanceError Of(AuthorizationResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.Failure?.FailureReasons.OfType<RefusalReason>().FirstOrDefault()?.Error
            ?? throw new InvalidOperationException("the authorization failure carries no refusal");
    }
}
