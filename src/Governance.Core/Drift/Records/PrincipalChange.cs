namespace Governance.Core.Drift.Records;

/// <summary>What happened to a principal between two runs.</summary>
public enum PrincipalChange
{
    /// <summary>In both runs, with policies that decide some request differently.</summary>
    Changed,

    /// <summary>Only in the later run: all its access is gained.</summary>
    Added,

    /// <summary>Only in the earlier run: all its access is lost.</summary>
    Removed,
}
