using System.Collections.Frozen;
using System.Collections.Immutable;
using Governance.Core.Drift.Records;
using Governance.Core.Exclusions;
using Governance.Core.Risk;

namespace Governance.Core.Drift;

/// <summary>Applies an exclusions file to a drift report, and names the rules an exclusion may match (in the risk audit too).</summary>
public static class DriftExclusions
{
    /// <summary>The ids an exclusion's <c>rule</c> may name: the risk categories, the escalation path ids and the drift kinds, in any case.</summary>
    public static IReadOnlySet<string> KnownRules { get; } = Enum.GetNames<FindingCategory>()
        .Concat(EscalationCatalog.Paths.Select(static p => p.Id))
        .Append("sts-assume-role")
        .Concat(Enum.GetNames<DriftKind>())
        .ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// <paramref name="report"/> without the findings an active entry of <paramref name="exclusions"/> matches at
    /// <paramref name="now"/>; they move to <see cref="DriftReport.Excluded"/>, and the expired and stale entries to
    /// <see cref="DriftReport.ExclusionWarnings"/>. The baseline is kept whole: what is new is measured on every risk.
    /// </summary>
    public static DriftReport Apply(DriftReport report, ExclusionSet exclusions, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(exclusions);
        if (exclusions.Entries.IsEmpty)
        {
            return report;
        }
        var kept = ImmutableArray.CreateBuilder<DriftFinding>();
        var excluded = ImmutableArray.CreateBuilder<ExcludedDriftFinding>();
        var targets = new List<ExclusionTarget>();
        foreach (var finding in report.Findings)
        {
            var target = Target(finding);
            targets.Add(target);
            if (exclusions.ActiveMatch(target, now) is { } by)
            {
                excluded.Add(new ExcludedDriftFinding(finding, by));
            }
            else
            {
                kept.Add(finding);
            }
        }
        return report with
        {
            Findings = kept.ToImmutable(),
            Excluded = report.Excluded.AddRange(excluded),
            ExclusionWarnings = report.ExclusionWarnings.AddRange(exclusions.Review(targets, now)),
        };
    }

    private static ExclusionTarget Target(DriftFinding finding)
    {
        var rules = finding.Risk is { } risk ? ImmutableArray.Create(finding.Kind.ToString(), risk.Category.ToString()) : [finding.Kind.ToString()];
        // A guardrail finding names the SCP or RCP: it is the resource, as an organisation audit's guardrail findings are.
        return finding.Kind.ConcernsGuardrail
            ? new ExclusionTarget(rules, finding.Principal, null, [finding.Principal], finding.Fingerprint)
            : new ExclusionTarget(rules, finding.Principal, AccountOf(finding.Principal), [], finding.Fingerprint);
    }

    /// <summary>The account field of an ARN (<c>arn:aws:iam::111122223333:role/x</c>); null when it has none.</summary>
    private static string? AccountOf(string arn)
    {
        var fields = arn.Split(':');
        return fields.Length > 5 && fields[4].Length > 0 ? fields[4] : null;
    }
}
