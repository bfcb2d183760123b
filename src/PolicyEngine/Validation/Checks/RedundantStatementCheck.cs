using System.Collections.Immutable;
using PolicyEngine.Diagnostics;
using PolicyEngine.Model;

namespace PolicyEngine.Validation.Checks;

/// <summary>
/// A statement that another statement with the same effect, principal and conditions already covers, action by
/// action and resource by resource. Statements with NotAction, NotResource or NotPrincipal are not compared.
/// Of two statements that cover each other, the later one is reported.
/// </summary>
internal sealed class RedundantStatementCheck : IPolicyCheck
{
    public string Name => "RedundantStatement";

    public void Check(ValidationContext context)
    {
        var statements = context.Document.Statements;
        if (statements.Length < 2)
        {
            return;
        }
        var keys = statements.Select(Key).ToArray();
        for (var i = 0; i < statements.Length; i++)
        {
            if (keys[i] is null)
            {
                continue;
            }
            for (var j = 0; j < statements.Length; j++)
            {
                if (i == j || keys[j] != keys[i] || !Covers(context, statements[j], statements[i]))
                {
                    continue;
                }
                if (j > i && Covers(context, statements[i], statements[j]))
                {
                    continue;
                }
                var verb = statements[i].Effect == Effect.Allow ? "allows" : "denies";
                context.Report(DiagnosticCodes.RedundantStatement, Severity.Suggestion,
                    $"statement `{statements[i].DisplayName}` {verb} nothing that statement `{statements[j].DisplayName}` does not",
                    statements[i].Location, $"remove statement `{statements[i].DisplayName}`");
                break;
            }
        }
    }

    /// <summary>What two statements must share to be compared: effect, principal and conditions; null when not comparable.</summary>
    private static string? Key(Statement statement)
    {
        if (statement.Action.IsNot || statement.Resource is { IsNot: true } || statement.Principal is { IsNot: true })
        {
            return null;
        }
        var principal = statement.Principal switch
        {
            null => "-",
            { IsWildcard: true } => "*",
            { } p => string.Join("|", p.Entries.Select(static e => $"{e.Type}={e.Value}").Order(StringComparer.Ordinal)),
        };
        var conditions = string.Join("|", statement.Conditions
            .Select(static c => $"{c.Operator}/{c.Key.ToUpperInvariant()}={string.Join(",", c.Values.Select(static v => v.Value).Order(StringComparer.Ordinal))}")
            .Order(StringComparer.Ordinal));
        return $"{statement.Effect}\n{principal}\n{conditions}\n{statement.Resource is null}";
    }

    private static bool Covers(ValidationContext context, Statement cover, Statement covered)
        => AllCovered(covered.Action.Values, cover.Action.Values, (a, b) => ActionCoverage.Covers(context, a, b))
            && (covered.Resource is null || AllCovered(covered.Resource.Values, cover.Resource!.Values, ActionCoverage.CoversResource));

    private static bool AllCovered(ImmutableArray<LocatedString> covered, ImmutableArray<LocatedString> cover, Func<string, string, bool> covers)
        => covered.All(c => cover.Any(k => covers(k.Value, c.Value)));
}
