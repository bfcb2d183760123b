namespace Governance.Core.Workflow.Grants;

/// <summary>Where a grant stands.</summary>
public enum GrantStatus
{
    /// <summary>Provisioned; its window may still end by itself through the policy's time condition.</summary>
    Active,

    /// <summary>Removed early by an approver or admin.</summary>
    Revoked,

    /// <summary>Its window has ended and the policy was removed.</summary>
    Expired,
}
