using System.Collections.Immutable;
using System.Globalization;
using Governance.Core.Accounts;
using Governance.Core.Drift.Records;
using Governance.Core.Risk;
using Governance.Core.Workflow.Grants;

namespace Governance.Core.Drift;

/// <summary>Which risk findings of the account analysis are new, and so reported as <see cref="DriftKind.NewRisk"/>.</summary>
/// <remarks>
/// With a previous report: every risk it did not have (the same principal, category and title at the same or a higher
/// severity; a risk whose severity rises is new, one whose severity falls is not). On a first audit there is nothing to compare with, so the account is compared with itself as
/// code says it should be: every risk the account has that the same account would not have with each managed role as
/// defined (plus its active grants) and no unmanaged roles. Every risk of an unmanaged role is therefore new then.
/// </remarks>
internal static class NewRisks
{
    /// <summary>Every risk finding of <paramref name="audit"/>, as reports keep them: the principals', then the resources' (by ARN).</summary>
    public static ImmutableArray<RiskRecord> Of(AccountRisks audit)
        => [.. audit.Principals.SelectMany(static p => p.Findings.Select(f => new RiskRecord(p.Arn, f.Category, f.Severity, f.Title)))
            .Concat(audit.Resources.SelectMany(static r => r.Findings.Select(f => new RiskRecord(r.Arn, f.Category, f.Severity, f.Title))))
            .Distinct()];

    /// <summary>The risks in <paramref name="current"/> that <paramref name="previous"/> did not have.</summary>
    public static IEnumerable<DriftFinding> Since(ImmutableArray<RiskRecord> current, DriftReport previous)
    {
        var before = Worst(previous.Baseline.Risks);
        var since = string.Create(CultureInfo.InvariantCulture, $"{previous.RanAt.UtcDateTime:yyyy-MM-dd HH:mm} UTC");
        return current.Where(r => IsNew(r, before))
            .Select(r => new DriftFinding(DriftKind.NewRisk, r.Principal, r.Severity, $"{r.Category}: {r.Title}; not in the previous audit ({since})") { Risk = r });
    }

    /// <summary>The risks in <paramref name="current"/> that the account as code would not have (the first-audit rule).</summary>
    public static IEnumerable<DriftFinding> AgainstCode(DesiredState desired, AccountState actual, AccountRisks current, DateTimeOffset asOf, string accountId, AccessResults? shared = null)
    {
        var definitions = desired.Roles.ToDictionary(r => r.ArnIn(accountId), StringComparer.Ordinal);
        var activeGrants = desired.Grants.Where(g => g.Status == GrantStatus.Active && g.EndsAt > asOf).ToLookup(static g => g.TargetRoleArn, StringComparer.Ordinal);
        var intended = new AccountState(actual.Snapshots.Select(s => s with
        {
            Roles = [.. s.Roles.Where(r => r.IsServiceLinked || definitions.ContainsKey(r.Arn))
                .Select(r => r.IsServiceLinked ? r : AsCode(r, definitions[r.Arn], activeGrants[r.Arn], actual))],
        }));
        var before = Worst(Of(AccountAnalyzer.Analyze(intended, new RiskAnalysisOptions(asOf), shared)));
        return Of(current).Where(r => IsNew(r, before))
            .Select(static r => new DriftFinding(DriftKind.NewRisk, r.Principal, r.Severity, $"{r.Category}: {r.Title}; code does not give this risk") { Risk = r });
    }

    private static Dictionary<(string Principal, FindingCategory Category, string Title), RiskSeverity> Worst(IEnumerable<RiskRecord> risks)
    {
        var worst = new Dictionary<(string, FindingCategory, string), RiskSeverity>();
        foreach (var risk in risks)
        {
            var key = (risk.Principal, risk.Category, risk.Title);
            if (!worst.TryGetValue(key, out var severity) || risk.Severity > severity)
            {
                worst[key] = risk.Severity;
            }
        }
        return worst;
    }

    private static bool IsNew(RiskRecord risk, Dictionary<(string Principal, FindingCategory Category, string Title), RiskSeverity> before)
        => !before.TryGetValue((risk.Principal, risk.Category, risk.Title), out var severity) || risk.Severity > severity;

    private static IamRole AsCode(IamRole actual, RoleDefinition role, IEnumerable<Grant> grants, AccountState state)
        => actual with
        {
            TrustPolicy = role.TrustPolicy,
            InlinePolicies = [.. role.InlinePolicies, .. grants.Select(static g => new InlinePolicy(g.PolicyName, g.PolicyDocument))],
            AttachedPolicies = [.. role.AttachedPolicies.Select(arn => new PolicyAttachment(state.FindPolicy(arn)?.PolicyName ?? arn, arn))],
            PermissionsBoundary = role.PermissionsBoundary is { } b ? new PolicyAttachment(state.FindPolicy(b)?.PolicyName ?? b, b) : null,
            Tags = role.Tags,
        };
}
