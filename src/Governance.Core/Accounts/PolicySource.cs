namespace Governance.Core.Accounts;

/// <summary>How a policy reaches a principal.</summary>
public enum PolicySource
{
    /// <summary>Embedded in the principal.</summary>
    Inline,

    /// <summary>A managed policy attached to the principal.</summary>
    Attached,

    /// <summary>Embedded in a group the user belongs to.</summary>
    GroupInline,

    /// <summary>A managed policy attached to a group the user belongs to.</summary>
    GroupAttached,
}
