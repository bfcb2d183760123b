using System.Collections.Immutable;

namespace Governance.Core.Exclusions;

/// <summary>A finding as exclusions see it, whichever report it comes from (risk audit or drift audit).</summary>
/// <param name="Rules">The ids it answers to: its category, escalation path id or drift kind.</param>
/// <param name="Principal">The principal's ARN (or <c>scp/NAME</c>); null for a resource's own finding.</param>
/// <param name="Account">The account of the principal or resource, when known.</param>
/// <param name="Resources">The resources it is about or acts on.</param>
/// <param name="Fingerprint">Its fingerprint (<see cref="FindingFingerprint"/>).</param>
public sealed record ExclusionTarget(ImmutableArray<string> Rules, string? Principal, string? Account, ImmutableArray<string> Resources, string Fingerprint);
