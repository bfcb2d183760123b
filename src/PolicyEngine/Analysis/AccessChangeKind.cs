namespace PolicyEngine.Analysis;

/// <summary>How access to one action on one resource pattern differs between two states.</summary>
public enum AccessChangeKind
{
    /// <summary>Denied before, allowed (or conditionally allowed) after.</summary>
    Added,

    /// <summary>Allowed (or conditionally allowed) before, denied after.</summary>
    Removed,

    /// <summary>Allowed before, allowed only under conditions after.</summary>
    BecameConditional,

    /// <summary>Allowed only under conditions before, allowed outright after.</summary>
    BecameUnconditional,
}
