using System.Collections.Immutable;
using Governance.Core.Policies.Approvals;
using Governance.Core.Policies.PermissionSets;
using Governance.Core.Workflow.Preview;

namespace Governance.Core.Workflow.Approvals;

/// <summary>Decides how a request is approved from its computed preview, not only from its set's name.</summary>
public static class ApprovalPolicy
{
    /// <summary>Applies <paramref name="rules"/> to a request for <paramref name="set"/> whose preview is <paramref name="preview"/>.</summary>
    /// <remarks>
    /// In order: a finding matched by a refusing rule refuses; a request may be approved automatically only when its
    /// set is listed for it, its preview adds at least one action, every action's access level is an allowed one, every
    /// resource it adds access on lies within the set's allowed patterns and it carries no finding; otherwise it needs the largest of the set's approval count, the access-level rules'
    /// and the finding rules'.
    /// </remarks>
    public static ApprovalRequirement Evaluate(PermissionSet set, AccessPreview preview, ApprovalRules rules)
    {
        ArgumentNullException.ThrowIfNull(set);
        ArgumentNullException.ThrowIfNull(preview);
        ArgumentNullException.ThrowIfNull(rules);
        var reasons = ImmutableArray.CreateBuilder<string>();

        foreach (var finding in preview.Findings)
        {
            if (rules.FindingRules.FirstOrDefault(r => r.Outcome == FindingOutcome.Refuse && finding.Severity >= r.MinimumSeverity) is { } refuse)
            {
                reasons.Add($"finding `{finding.Code}` is {finding.Severity}; the rules refuse {refuse.MinimumSeverity} or worse");
                return new ApprovalRequirement(ApprovalOutcome.Refuse, 0, reasons.ToImmutable());
            }
        }

        if (rules.AutoApprovePermissionSets.Contains(set.Name)
            && !preview.Actions.IsEmpty
            && preview.Findings.IsEmpty
            && preview.Actions.All(a => rules.AutoApproveAccessLevels.Contains(a.AccessLevel))
            && preview.Actions.All(a => a.Resources.All(r => set.AllowedResources.Any(p => p.Covers(r)))))
        {
            reasons.Add($"`{set.Name}` may be approved automatically and adds only {string.Join(" and ", rules.AutoApproveAccessLevels.Order())} access within its allowed resources");
            return new ApprovalRequirement(ApprovalOutcome.AutoApprove, 0, reasons.ToImmutable());
        }

        var required = set.ApprovalsRequired;
        reasons.Add($"`{set.Name}` needs {set.ApprovalsRequired} approval{(set.ApprovalsRequired == 1 ? string.Empty : "s")}");
        foreach (var (level, count) in rules.AccessLevelApprovals.OrderBy(static kv => kv.Key))
        {
            var matching = preview.Actions.Where(a => a.AccessLevel == level).Select(static a => a.Action).ToArray();
            if (matching.Length > 0 && count > required)
            {
                required = count;
                reasons.Add($"adds {level} access ({string.Join(", ", matching.Take(3).Select(static a => $"`{a}`"))}{(matching.Length > 3 ? ", …" : string.Empty)}), which needs {count} approvals");
            }
        }
        foreach (var finding in preview.Findings)
        {
            var rule = rules.FindingRules
                .Where(r => r.Outcome == FindingOutcome.RequireApprovals && finding.Severity >= r.MinimumSeverity)
                .MaxBy(static r => r.ApprovalsRequired);
            if (rule is not null && rule.ApprovalsRequired > required)
            {
                required = rule.ApprovalsRequired;
                reasons.Add($"finding `{finding.Code}` is {finding.Severity}, which needs {rule.ApprovalsRequired} approvals");
            }
        }
        return new ApprovalRequirement(ApprovalOutcome.RequireApprovals, required, reasons.ToImmutable());
    }
}
