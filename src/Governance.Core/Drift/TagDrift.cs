using System.Collections.Immutable;
using Governance.Core.Accounts;
using Governance.Core.Drift.Records;
using Governance.Core.Risk;

namespace Governance.Core.Drift;

/// <summary>Whether a role's tags in the account are those code gives it; keys compare case-insensitively, values exactly, as in IAM.</summary>
/// <remarks>
/// Low severity: tags decide access only through <c>aws:PrincipalTag</c> conditions, which the policy comparison
/// already decides; a changed tag still breaks ownership and cost reports, and any ABAC rule written later.
/// </remarks>
internal static class TagDrift
{
    /// <summary>The finding when the tags differ; else null.</summary>
    public static DriftFinding? Compare(string roleArn, ImmutableArray<IamTag> intended, ImmutableArray<IamTag> actual)
    {
        var code = intended.ToDictionary(static t => t.Key, static t => t.Value, StringComparer.OrdinalIgnoreCase);
        var account = actual.ToDictionary(static t => t.Key, static t => t.Value, StringComparer.OrdinalIgnoreCase);
        var differences = new List<string>();
        foreach (var (key, value) in code.OrderBy(static t => t.Key, StringComparer.Ordinal))
        {
            if (!account.TryGetValue(key, out var present))
            {
                differences.Add($"`{key}` (`{value}` in code) is missing");
            }
            else if (!string.Equals(value, present, StringComparison.Ordinal))
            {
                differences.Add($"`{key}` is `{present}`, code says `{value}`");
            }
        }
        differences.AddRange(account.Keys.Where(k => !code.ContainsKey(k)).Order(StringComparer.Ordinal)
            .Select(k => $"`{k}` (`{account[k]}`) is not in code"));
        return differences.Count == 0
            ? null
            : new DriftFinding(DriftKind.PolicyDrift, roleArn, RiskSeverity.Low, "tags differ from code: " + string.Join("; ", differences));
    }
}
