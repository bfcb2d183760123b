using Governance.Core.Workflow.Grants;

namespace Governance.Core.Workflow.Credentials;

/// <summary>Credentials issued for a grant, with the session they belong to.</summary>
/// <param name="Grant">The grant.</param>
/// <param name="Session">The <c>AssumeRole</c> call made.</param>
/// <param name="Credentials">What STS returned.</param>
/// <param name="Expiration">The earlier of the session's end and the grant's end: after the grant's end the session
/// policy allows nothing, so a <c>credential_process</c> caller should come back by then.</param>
public sealed record GrantCredentials(Grant Grant, RoleSessionRequest Session, SessionCredentials Credentials, DateTimeOffset Expiration);
