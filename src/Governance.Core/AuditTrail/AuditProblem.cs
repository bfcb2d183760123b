namespace Governance.Core.AuditTrail;

/// <summary>The first problem verification found.</summary>
/// <param name="Kind">What is wrong.</param>
/// <param name="Sequence">The first sequence affected.</param>
/// <param name="Message">What is wrong, for people (lower case, one line).</param>
public sealed record AuditProblem(AuditProblemKind Kind, long Sequence, string Message);
