namespace Governance.Core.Policies.Approvals;

/// <summary>What a finding rule does to a request whose preview carries a matching finding.</summary>
public enum FindingOutcome
{
    /// <summary>The request needs the rule's number of distinct approvers.</summary>
    RequireApprovals,

    /// <summary>The request is refused at submission.</summary>
    Refuse,
}
