namespace Governance.Core.Drift.Records;

/// <summary>How the account differs from what the team agreed.</summary>
public enum DriftKind
{
    /// <summary>A role in the account that no code manages.</summary>
    UnmanagedPrincipal,

    /// <summary>A role in code that the account lacks.</summary>
    MissingPrincipal,

    /// <summary>A role's policies decide requests differently from code.</summary>
    PolicyDrift,

    /// <summary>An active grant whose inline policy is not on its role.</summary>
    GrantMissing,

    /// <summary>An expired or revoked grant whose inline policy is still on its role.</summary>
    StaleGrant,

    /// <summary>A risk finding the account has and the account as code says would not.</summary>
    NewRisk,
}
