using PolicyEngine.Analysis;

namespace Governance.Core.Accounts.Questions;

/// <summary>What a principal may do on one resource the snapshot holds, decided with that resource's policy, owner and guardrails.</summary>
/// <param name="Resource">The resource's ARN; for a bucket's objects <c>arn:aws:s3:::BUCKET/*</c>, decided as that literal pattern (any object).</param>
/// <param name="Kind">What it is.</param>
/// <param name="Account">The account that owns it.</param>
/// <param name="Access">The actions allowed on it, by service and access level.</param>
public sealed record KnownResourceAccess(string Resource, KnownResourceKind Kind, string Account, EffectiveAccess Access);
