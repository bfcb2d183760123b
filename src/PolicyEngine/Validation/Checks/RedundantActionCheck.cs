using PolicyEngine.Diagnostics;

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
            for (var i = 0; i < values.Length; i++)
            {
                for (var j = 0; j < values.Length; j++)
                {
                    if (i == j || !ActionCoverage.Covers(context, values[j].Value, values[i].Value))
                    {
                        continue;
                    }
                    // Mutual cover (duplicates, or patterns with the same actions): keep the first, report the later.
                    if (j > i && ActionCoverage.Covers(context, values[i].Value, values[j].Value))
                    {
                        continue;
                    }
                    var message = string.Equals(values[i].Value, values[j].Value, StringComparison.OrdinalIgnoreCase)
                        ? $"`{values[i].Value}` is listed more than once"
                        : $"`{values[i].Value}` is already covered by `{values[j].Value}`";
                    context.Report(DiagnosticCodes.RedundantAction, Severity.Suggestion, message, values[i].Location,
                        $"remove `{values[i].Value}`");
                    break;
                }
            }
        }
    }
}
