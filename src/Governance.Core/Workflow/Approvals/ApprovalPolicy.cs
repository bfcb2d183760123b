using System.Collections.Immutable;
using Governance.Core.Accounts.Questions;
using Governance.Core.Policies.Approvals;
using Governance.Core.Policies.PermissionSets;
using Governance.Core.Workflow.Preview;

namespace Governance.Core.Workflow.Approvals;

/// <summary>Decides how a request is approved from its computed preview, not only from its set's name.</summary>
public static class ApprovalPolicy
{
    /// <summary>Applies <paramref name="rules"/> to <paramref name="requesterId"/>'s request for <paramref name="set"/> whose preview is <paramref name="preview"/>.</summary>
    /// <remarks>
    /// In order: a finding matched by a refusing rule refuses, and so does a refusing rule on who else gains the access
    /// (outsiders, services, anyone); a request may be approved automatically only when its set is listed for it, its
    /// preview adds at least one action, every action's access level is an allowed one, every resource it adds access on
    /// lies within the set's allowed patterns, it carries no finding, and every principal that gains the access through
    /// the target role (<see cref="AccessPreview.GainedBy"/>, which must have been computed) is inside the organisation
    /// and either already holds the access or is the requester's own (its <c>AccessGainers.OwnerTag</c> tag names
    /// <paramref name="requesterId"/>); otherwise it needs the largest of the set's approval count, the access-level
    /// rules', the finding rules' and the gainer rules'. Reasons about who else gains come first, outsiders first.
    /// </remarks>
    public static ApprovalRequirement Evaluate(PermissionSet set, AccessPreview preview, ApprovalRules rules, string requesterId)
    {
        ArgumentNullException.ThrowIfNull(set);
        ArgumentNullException.ThrowIfNull(preview);
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(requesterId);
        var reasons = ImmutableArray.CreateBuilder<string>();

        foreach (var finding in preview.Findings)
        {
            if (rules.FindingRules.FirstOrDefault(r => r.Outcome == FindingOutcome.Refuse && finding.Severity >= r.MinimumSeverity) is { } refuse)
            {
                reasons.Add($"finding `{finding.Code}` is {finding.Severity}; the rules refuse {refuse.MinimumSeverity} or worse");
                return new ApprovalRequirement(ApprovalOutcome.Refuse, 0, reasons.ToImmutable());
            }
        }

        var gainers = preview.GainedBy ?? [];
        var terms = GainerTerms(gainers, rules).ToList();
        if (terms.FirstOrDefault(static t => t.Rule?.Outcome == FindingOutcome.Refuse) is { Who: not null } refused)
        {
            reasons.Add($"{refused.Who}; the rules refuse that");
            return new ApprovalRequirement(ApprovalOutcome.Refuse, 0, reasons.ToImmutable());
        }
        var others = gainers.Where(g => g.InsideOrganization && g.Kind != AssumerKind.Service && !g.AlreadyHolds && !string.Equals(g.Owner, requesterId, StringComparison.Ordinal))
            .ToArray();

        if (rules.AutoApprovePermissionSets.Contains(set.Name)
            && !preview.Actions.IsEmpty
            && preview.Findings.IsEmpty
            && preview.GainedBy is not null
            && terms.Count == 0
            && others.Length == 0
            && preview.Actions.All(a => rules.AutoApproveAccessLevels.Contains(a.AccessLevel))
            && preview.Actions.All(a => a.Resources.All(r => set.AllowedResources.Any(p => p.Covers(r)))))
        {
            reasons.Add($"`{set.Name}` may be approved automatically and adds only {string.Join(" and ", rules.AutoApproveAccessLevels.Order())} access within its allowed resources" +
                (gainers.IsEmpty ? string.Empty : "; everyone else who can act as the target role already holds it or is the requester's own"));
            return new ApprovalRequirement(ApprovalOutcome.AutoApprove, 0, reasons.ToImmutable());
        }

        var required = set.ApprovalsRequired;
        foreach (var (who, rule) in terms)
        {
            var count = Math.Max(set.ApprovalsRequired, rule?.ApprovalsRequired ?? 0);
            reasons.Add(rule is null ? $"{who}: a person must decide" : $"{who}, which needs {count} approval{(count == 1 ? string.Empty : "s")}");
            required = Math.Max(required, count);
        }
        if (others.Length > 0)
        {
            reasons.Add($"also gained by {Names(others)}, neither the requester's own nor already holding it: a person must decide");
        }
        if (preview.GainedBy is null)
        {
            reasons.Add("who else can act as the target role was not computed: a person must decide");
        }
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

    /// <summary>
    /// The rules' terms the gainers meet, outsiders first: each with its description and its rule (null when the rules have
    /// none for it, which still keeps a person in the loop for outsiders, services and anyone).
    /// </summary>
    private static IEnumerable<(string? Who, GainerRule? Rule)> GainerTerms(ImmutableArray<AccessGainer> gainers, ApprovalRules rules)
    {
        var outsiders = gainers.Where(static g => !g.InsideOrganization).ToArray();
        if (outsiders.Length > 0)
        {
            yield return ($"gained by {outsiders.Length} principal{(outsiders.Length == 1 ? string.Empty : "s")} outside the organisation: {Names(outsiders)}", rules.Outsiders);
        }
        var anyone = gainers.Where(static g => g.Kind == AssumerKind.Anyone).ToArray();
        if (anyone.Length > 0 && rules.Anyone is not null)
        {
            yield return ($"gained by anyone: {Names(anyone)}", rules.Anyone);
        }
        var services = gainers.Where(static g => g.Kind == AssumerKind.Service).ToArray();
        if (services.Length > 0)
        {
            yield return ($"gained by the AWS service{(services.Length == 1 ? string.Empty : "s")} {Names(services)}, which act for whoever passes them the role", rules.Services);
        }
    }

    private static string Names(IEnumerable<AccessGainer> gainers)
    {
        var all = gainers.ToArray();
        return string.Join(", ", all.Take(MaxNamed).Select(static g => $"`{g.Arn}` ({g.Chain})")) + (all.Length > MaxNamed ? $" and {all.Length - MaxNamed} more" : string.Empty);
    }

    private const int MaxNamed = 5;
}
