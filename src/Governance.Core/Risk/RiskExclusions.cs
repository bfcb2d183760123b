using System.Collections.Immutable;
using Governance.Core.Exclusions;

namespace Governance.Core.Risk;

/// <summary>Applies an exclusions file to a risk audit: what <c>iamgov audit --exclusions</c> does.</summary>
public static class RiskExclusions
{
    /// <summary>
    /// <paramref name="audit"/> without the findings an active entry of <paramref name="exclusions"/> matches at
    /// <paramref name="now"/>; they move to <see cref="AccountRisks.Excluded"/>, and the expired and stale entries to
    /// <see cref="AccountRisks.ExclusionWarnings"/>.
    /// </summary>
    public static AccountRisks Apply(AccountRisks audit, ExclusionSet exclusions, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(audit);
        ArgumentNullException.ThrowIfNull(exclusions);
        if (exclusions.Entries.IsEmpty)
        {
            return audit;
        }
        var excluded = ImmutableArray.CreateBuilder<ExcludedFinding>();
        var targets = new List<ExclusionTarget>();
        ImmutableArray<Finding> Keep(string subject, string? principal, string account, IEnumerable<string> resources, ImmutableArray<Finding> findings)
        {
            var kept = ImmutableArray.CreateBuilder<Finding>();
            foreach (var finding in findings)
            {
                var target = Target(subject, principal, account, resources, finding);
                targets.Add(target);
                if (exclusions.ActiveMatch(target, now) is { } by)
                {
                    excluded.Add(new ExcludedFinding(subject, finding, by));
                }
                else
                {
                    kept.Add(finding);
                }
            }
            return kept.ToImmutable();
        }
        var principals = audit.Principals.Select(p => p with { Findings = Keep(p.Arn, p.Arn, p.AccountId, [], p.Findings) }).ToImmutableArray();
        var resources = audit.Resources.Select(r => r with { Findings = Keep(r.Arn, null, r.AccountId, [r.Arn], r.Findings) }).ToImmutableArray();
        return audit with
        {
            Principals = principals,
            Resources = resources,
            Excluded = audit.Excluded.AddRange(excluded),
            ExclusionWarnings = audit.ExclusionWarnings.AddRange(exclusions.Review(targets, now)),
        };
    }

    /// <summary>The fingerprint of <paramref name="finding"/> of <paramref name="subject"/>: the same as the drift audit's NewRisk of it.</summary>
    public static string FingerprintOf(string subject, Finding finding)
    {
        ArgumentNullException.ThrowIfNull(finding);
        return FindingFingerprint.Of(subject, finding.Category.ToString(), finding.Title);
    }

    private static ExclusionTarget Target(string subject, string? principal, string account, IEnumerable<string> resources, Finding finding)
        => new(finding.PathId is { } id ? [finding.Category.ToString(), id] : [finding.Category.ToString()], principal, account,
            // The roles reached and the resource acted on, after the principal itself.
            [.. resources, .. finding.Path.Skip(principal is null ? 0 : 1)], FingerprintOf(subject, finding));
}
