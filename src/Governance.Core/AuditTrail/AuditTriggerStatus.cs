using System.Collections.Immutable;

namespace Governance.Core.AuditTrail;

/// <summary>The append-only triggers found on the audit table.</summary>
/// <param name="State">Whether they are all there.</param>
/// <param name="Missing">The triggers not found (dropped, disabled, or no longer refusing).</param>
public sealed record AuditTriggerStatus(AuditTriggerState State, ImmutableArray<string> Missing)
{
    /// <summary>For events read from an export.</summary>
    public static AuditTriggerStatus NotChecked { get; } = new(AuditTriggerState.NotChecked, []);
}
