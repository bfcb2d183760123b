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
            var values = statement.Action.Values;
            if (values.Length < 2)
            {
                continue;
            }
            // A cover with a literal service prefix covers only entries of that service, so entries are compared
            // within their service, and with the few patterns whose service part is itself a wildcard. This keeps
            // lists of thousands of actions (ReadOnlyAccess) near-linear.
            var byService = new Dictionary<string, List<int>>(StringComparer.OrdinalIgnoreCase);
            var anyService = new List<int>();
            for (var i = 0; i < values.Length; i++)
            {
                var prefix = ServicePart(values[i].Value);
                if (Wildcard.HasWildcard(prefix))
                {
                    anyService.Add(i);
                }
                else if (byService.TryGetValue(prefix, out var list))
                {
                    list.Add(i);
                }
                else
                {
                    byService[prefix] = [i];
                }
            }
            for (var i = 0; i < values.Length; i++)
            {
                var prefix = ServicePart(values[i].Value);
                var candidates = Wildcard.HasWildcard(prefix)
                    ? Enumerable.Range(0, values.Length)
                    : byService[prefix].Concat(anyService);
                foreach (var j in candidates)
                {
                    if (IsCoveredBy(context, values, i, j))
                    {
                        Report(context, values[i], values[j]);
                        break;
                    }
                }
            }
        }
    }

    private static bool IsCoveredBy(ValidationContext context, System.Collections.Immutable.ImmutableArray<LocatedString> values, int i, int j)
    {
        if (i == j || !ActionCoverage.Covers(context, values[j].Value, values[i].Value))
        {
            return false;
        }
        // Mutual cover (duplicates, or patterns with the same actions): keep the first, report the later.
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
