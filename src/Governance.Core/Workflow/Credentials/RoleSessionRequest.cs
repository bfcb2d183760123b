namespace Governance.Core.Workflow.Credentials;

/// <summary>What one STS <c>AssumeRole</c> call asks for.</summary>
/// <param name="RoleArn">The role to assume.</param>
/// <param name="RoleSessionName">The session's name; it appears in the assumed-role ARN of every CloudTrail event of the session.</param>
/// <param name="SourceIdentity">Who the session is for; CloudTrail records it on every event of the session and of sessions chained from it.</param>
/// <param name="Policy">The inline session policy: the session can do no more than this allows.</param>
/// <param name="DurationSeconds">The session's length, from 900 to the role's limit.</param>
public sealed record RoleSessionRequest(string RoleArn, string RoleSessionName, string SourceIdentity, string Policy, int DurationSeconds);
