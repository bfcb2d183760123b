namespace Governance.Core.Analysis;

/// <summary>How urgent a finding is, from least to most.</summary>
public enum FindingSeverity
{
    /// <summary>Worth knowing; broad but low-impact access.</summary>
    Low,

    /// <summary>Needs a condition, another principal's cooperation, or an object that may not exist.</summary>
    Medium,

    /// <summary>Exploitable by the principal alone.</summary>
    High,

    /// <summary>Full administrator access now.</summary>
    Critical,
}
