using Governance.Core.Results;

namespace Governance.Core.Workflow.Credentials;

/// <summary>Assumes a role for a session: STS in a live deployment.</summary>
public interface IRoleSessionIssuer
{
    /// <summary>Calls <c>AssumeRole</c>; a refusal or an unreachable service is an error value, never an exception.</summary>
    Task<Outcome<SessionCredentials>> AssumeRoleAsync(RoleSessionRequest request, CancellationToken cancellationToken);
}
