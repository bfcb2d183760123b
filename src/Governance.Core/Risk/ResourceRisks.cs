using System.Collections.Immutable;

namespace Governance.Core.Risk;

/// <summary>The risks one resource's own policy, or one organisation guardrail, opens: what <c>iamgov audit --org</c> adds to the principals' findings.</summary>
/// <param name="Arn">The resource's or policy's ARN.</param>
/// <param name="Name">Its name: bucket name, key id, role name, policy name, or the ARN.</param>
/// <param name="Kind">What it is.</param>
/// <param name="AccountId">The account that owns it; for a guardrail, the management account.</param>
/// <param name="Findings">Its findings, most severe first.</param>
public sealed record ResourceRisks(string Arn, string Name, ResourceKind Kind, string AccountId, ImmutableArray<Finding> Findings);
