namespace Governance.Core.Workflow.Requests;

/// <summary>Where an access request stands; only <see cref="Pending"/> accepts decisions.</summary>
public enum AccessRequestStatus
{
    /// <summary>Waiting for approvals.</summary>
    Pending,

    /// <summary>Approved (by people, or automatically where the rules allow); a grant exists.</summary>
    Approved,

    /// <summary>Denied by an approver.</summary>
    Denied,

    /// <summary>Withdrawn by the requester or an admin.</summary>
    Cancelled,

    /// <summary>Refused by the approval rules at submission, for example for a critical risk finding.</summary>
    Refused,

    /// <summary>Left undecided past its deadline (set by the scheduler).</summary>
    Expired,
}
