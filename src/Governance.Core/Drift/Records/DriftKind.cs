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

    /// <summary>An SCP or RCP in <c>policies/guardrails/</c> that the organisation lacks (or whose type its root has not enabled).</summary>
    MissingGuardrail,

    /// <summary>An SCP or RCP in the organisation that no file in <c>policies/guardrails/</c> manages.</summary>
    UnmanagedGuardrail,

    /// <summary>An SCP or RCP whose document decides some request differently from code's.</summary>
    GuardrailPolicyDrift,

    /// <summary>An SCP or RCP attached to other roots, OUs or accounts than <c>guardrails/attachments.json</c> says.</summary>
    GuardrailAttachmentDrift,
}
