namespace Governance.Core.AuditTrail;

/// <summary>Whether the database still refuses changes to the audit table.</summary>
public enum AuditTriggerState
{
    /// <summary>Every append-only trigger is there, enabled, and refuses.</summary>
    Intact,

    /// <summary>At least one append-only trigger was dropped, disabled or replaced.</summary>
    Missing,

    /// <summary>Not checked: the events came from an export, not the database.</summary>
    NotChecked,
}
