namespace Governance.Core.Preview;

/// <summary>How serious a risk finding is; ordered, so rules can say "High or worse".</summary>
public enum RiskSeverity
{
    /// <summary>Worth knowing.</summary>
    Low,

    /// <summary>Worth a second look.</summary>
    Medium,

    /// <summary>Privilege escalation or broad data access.</summary>
    High,

    /// <summary>Admin-equivalent access.</summary>
    Critical,
}
