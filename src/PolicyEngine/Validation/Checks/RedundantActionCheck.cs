using System.Collections.Immutable;
using PolicyEngine.Diagnostics;
using PolicyEngine.Matching;
using PolicyEngine.Model;

namespace PolicyEngine.Validation.Checks;

/// <summary>
/// An action (or pattern) that another entry of the same Action or NotAction list already covers, such as
/// <c>s3:GetObject</c> beside <c>s3:Get*</c>. Of two entries that cover each other, the later one is reported.
/// </summary>
internal sealed class RedundantActionCheck : IPolicyCheck
{
    public string Name => "RedundantAction";

    public void Check(ValidationContext context)
    {
        foreach (var statement in context.Document.Statements)
        {
            if (statement.Action.Values.Length > 1)
            {
                CheckList(context, statement.Action.Values);
            }
        }
    }

    private static void CheckList(ValidationContext context, ImmutableArray<LocatedString> values)
    {
        // Only a pattern covers another entry, apart from exact repeats; and a pattern with a literal service prefix
        // covers only entries of that service. So each entry is compared with the patterns of its own service and
        // the few whose service part is itself a wildcard, which keeps lists of thousands of actions near-linear.
        var patternsByService = new Dictionary<string, List<int>>(StringComparer.OrdinalIgnoreCase);
        var anyServicePatterns = new List<int>();
        var firstIndex = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < values.Length; i++)
        {
            var value = values[i].Value;
            firstIndex.TryAdd(value, i);
            if (!Wildcard.HasWildcard(value))
            {
                continue;
            }
            var prefix = ServicePart(value);
            if (Wildcard.HasWildcard(prefix))
            {
                anyServicePatterns.Add(i);
            }
            else if (patternsByService.TryGetValue(prefix, out var list))
            {
                list.Add(i);
            }
            else
            {
                patternsByService[prefix] = [i];
            }
        }

        for (var i = 0; i < values.Length; i++)
        {
            var value = values[i].Value;
            if (firstIndex[value] < i)
            {
                Report(context, values[i], values[firstIndex[value]]);
                continue;
            }
            var prefix = ServicePart(value);
            IEnumerable<int> covers = Wildcard.HasWildcard(prefix)
                ? anyServicePatterns.Concat(patternsByService.Values.SelectMany(static l => l))
                : patternsByService.GetValueOrDefault(prefix, []).Concat(anyServicePatterns);
            foreach (var j in covers)
            {
                if (IsCoveredBy(context, values, i, j))
                {
                    Report(context, values[i], values[j]);
                    break;
                }
            }
        }
    }

    private static bool IsCoveredBy(ValidationContext context, ImmutableArray<LocatedString> values, int i, int j)
    {
        if (i == j || string.Equals(values[i].Value, values[j].Value, StringComparison.OrdinalIgnoreCase)
            || !ActionCoverage.Covers(context, values[j].Value, values[i].Value))
        {
            return false;
        }
        // Patterns that match the same actions cover each other: keep the first, report the later.
        return j < i || !ActionCoverage.Covers(context, values[i].Value, values[j].Value);
    }

    private static void Report(ValidationContext context, LocatedString redundant, LocatedString cover)
    {
        var message = string.Equals(redundant.Value, cover.Value, StringComparison.OrdinalIgnoreCase)
            ? $"`{redundant.Value}` is listed more than once"
            : $"`{redundant.Value}` is already covered by `{cover.Value}`";
        context.Report(DiagnosticCodes.RedundantAction, Severity.Suggestion, message, redundant.Location, $"remove `{redundant.Value}`");
    }

    private static string ServicePart(string action)
    {
        var colon = action.IndexOf(':', StringComparison.Ordinal);
        return colon < 0 ? action : action[..colon];
    }
}
