using Governance.Core.Workflow.Approvals;
using Governance.Core.Workflow.Preview;

namespace Governance.Core.Workflow.Requests;

/// <summary>
/// Whether a request's preview now asks more of its approvers than the one they approved: the one owner of the rule
/// that decides when earlier approvals stop counting.
/// </summary>
/// <remarks>
/// The risk rises when the new preview needs more approvals, is refused by the rules, or holds anything the earlier one
/// did not: an action on a resource, a risk finding (or a higher severity of one), an effect the grant now makes
/// allowed, a principal that now gains the access through the target role (one that already held it gains nothing). A preview that only lost some of these asks less, and the approvals given on the larger one still stand.
/// </remarks>
public static class RiskIncrease
{
    /// <summary>What rose from <paramref name="before"/> (needing <paramref name="approvalsBefore"/>) to <paramref name="after"/>; null when nothing did.</summary>
    public static string? Between(AccessPreview before, int approvalsBefore, RequestPreview after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        if (after.Requirement.Outcome == ApprovalOutcome.Refuse)
        {
            return "the approval rules now refuse it";
        }
        if (after.ApprovalsRequired > approvalsBefore)
        {
            return $"it now needs {after.ApprovalsRequired} approvals, not {approvalsBefore}";
        }
        var had = Surface(before);
        var worst = before.Findings.GroupBy(static f => (f.Code, f.Message)).ToDictionary(static g => g.Key, static g => g.Max(static f => f.Severity));
        var added = Surface(after.Preview).Where(item => !had.Contains(item))
            .Concat(after.Preview.Findings
                .Where(f => !worst.TryGetValue((f.Code, f.Message), out var severity) || f.Severity > severity)
                .Select(static f => $"carries the {f.Severity} finding `{f.Code}`: {f.Message}"))
            .Distinct(StringComparer.Ordinal)
            .ToArray();
        return added.Length == 0
            ? null
            : $"it now {string.Join("; ", added.Take(3))}{(added.Length > 3 ? $"; and {added.Length - 3} more" : string.Empty)}";
    }

    /// <summary>Everything in a preview an approver weighs, one sentence each, so that two previews compare as sets.</summary>
    private static HashSet<string> Surface(AccessPreview preview)
    {
        var items = new HashSet<string>(StringComparer.Ordinal);
        foreach (var action in preview.Actions)
        {
            foreach (var resource in action.Resources)
            {
                items.Add($"adds {action.Action} on {resource}");
            }
        }
        foreach (var effect in preview.Effective ?? [])
        {
            if (effect.Adds)
            {
                items.Add($"makes {effect.Action} on {effect.Resource} allowed");
            }
        }
        foreach (var gainer in (preview.GainedBy ?? []).Where(static g => !g.AlreadyHolds))
        {
            items.Add($"also reaches `{gainer.Arn}`"); // by ARN alone: a new, shorter chain to the same principal gives it nothing more
        }
        return items;
    }
}
