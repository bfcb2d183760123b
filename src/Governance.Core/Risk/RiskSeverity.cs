namespace Governance.Core.Risk;

/// <summary>How serious a risk finding is, from least to most; ordered, so rules can say "High or worse".</summary>
/// <remarks>The one severity of the product: the risk audit, the approver's preview, the approval rules and drift all use it.</remarks>
public enum RiskSeverity
{
    /// <summary>Worth knowing; broad but low-impact access.</summary>
    Low,

    /// <summary>Needs a condition, another principal's cooperation, or an object that may not exist.</summary>
    Medium,

    /// <summary>Privilege escalation or broad data access, exploitable by the principal alone.</summary>
    High,

    /// <summary>Full administrator access now.</summary>
    Critical,
}
