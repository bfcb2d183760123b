using Governance.Core.Reports;
using PolicyEngine.Evaluation;
using PolicyEngine.Explain;

namespace Governance.Cli.Answers;

/// <summary>Prints a decision for people: <c>yes</c> or <c>no</c>, and with <c>--explain</c> why, in a few lines.</summary>
internal static class DecisionText
{
    /// <summary>
    /// Writes the decision: <c>yes</c>, or <c>no - REASON</c> naming the layer that decided in one line (so a script's
    /// log says why without <c>--explain</c>); with <paramref name="explain"/> also the statements and what was missing.
    /// <paramref name="summary"/> is that reason when the caller has one (an organisation's answer), else it is told from
    /// <paramref name="result"/>. With <paramref name="caveat"/> a <c>yes</c> carries the summary on the next line even
    /// without <paramref name="explain"/>: it rests on an assumption (the caller's own policies unknown) the reader must see.
    /// </summary>
    public static void Write(TextWriter output, AuthorizationResult result, bool explain, IEnumerable<string> warnings, string? summary = null,
        bool caveat = false)
    {
        var term = Terminal.For(output);
        var allowed = result.Decision == Decision.Allow;
        output.WriteLine(allowed ? term.Green("yes") : $"{term.Red("no")} - {summary ?? Reason(result)}");
        if (!explain)
        {
            if (allowed && caveat && summary is not null)
            {
                output.WriteLine($"  caveat: {summary}");
            }
            return;
        }
        var explanation = result.Explanation;
        var reason = ExplanationFormatter.Describe(explanation);
        output.WriteLine($"  {term.Bold(result.Decision.ToString())}: {reason}");
        // The summary names the layer that decided; where it only restates the reason (an allow, say) it adds nothing.
        if (allowed && summary is not null && !string.Equals(summary, reason, StringComparison.Ordinal))
        {
            output.WriteLine($"  {summary}");
        }
        // Under RestrictPublicBuckets the deciding statements are the public policy's grants S3 sets aside, not denials.
        var verb = result.Decision == Decision.Allow ? "granted by"
            : result.Explanation.Reason == DecisionReason.RestrictedByBlockPublicAccess ? "grant set aside:" : "denied by";
        foreach (var statement in result.DecidingStatements)
        {
            output.WriteLine($"  {verb} {Describe(statement)}");
        }
        // Statements whose action did not match are noise for the question asked; the others show how close it came. When
        // the endpoint policy decided, each of its statements is shown apart, since one of them had to allow.
        var endpointDecided = explanation.Reason == DecisionReason.VpcEndpointPolicyDoesNotAllow;
        var near = explanation.Statements
            .Where(o => o.Status is StatementStatus.ResourceNotMatched or StatementStatus.PrincipalNotMatched or StatementStatus.ConditionNotMet
                && !(endpointDecided && o.Statement.PolicyType == PolicyType.VpcEndpoint))
            .ToList();
        if (near.Count > 0)
        {
            output.WriteLine("  statements that cover the action but did not apply:");
            foreach (var outcome in near)
            {
                output.WriteLine($"    {Describe(outcome.Statement)}: {ExplanationFormatter.Describe(outcome)}");
            }
        }
        if (endpointDecided)
        {
            output.WriteLine("  the VPC endpoint policy's statements, none of which allows the request:");
            foreach (var outcome in explanation.Statements.Where(static o => o.Statement.PolicyType == PolicyType.VpcEndpoint))
            {
                output.WriteLine($"    {Describe(outcome.Statement)}: {ExplanationFormatter.Describe(outcome)}");
            }
        }
        if (result.Decision != Decision.Allow && explanation.Statements.All(static o => o.Status == StatementStatus.ActionNotMatched))
        {
            output.WriteLine(term.Dim("  no statement of any policy covers this action"));
        }
        if (explanation.MissingContextKeys.Length > 0)
        {
            output.WriteLine($"  the request lacked: {string.Join(", ", explanation.MissingContextKeys)}" +
                term.Dim(" (supply them with --context KEY=VALUE)"));
        }
        foreach (var warning in warnings)
        {
            output.WriteLine($"  warning: {warning}");
        }
    }

    /// <summary>
    /// Why <paramref name="result"/> is not an allow, in one line: the deny statement's layer and place, or why nothing allowed.
    /// </summary>
    public static string Reason(AuthorizationResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (result.Decision == Decision.ExplicitDeny && result.DecidingStatements.FirstOrDefault() is { } deny)
        {
            var level = deny.PolicyType is PolicyType.ServiceControl or PolicyType.ResourceControl ? $" at level {deny.Level}" : string.Empty;
            var sid = deny.Sid is { Length: > 0 } s ? $"Sid `{s}`" : deny.JsonPath;
            return $"the {PolicyWords.Layer(deny.PolicyType)} `{deny.PolicyName}`{level} denies ({sid}, line {deny.Line})";
        }
        return ExplanationFormatter.Describe(result.Explanation);
    }

    public static string Describe(StatementRef statement)
    {
        var kind = statement.PolicyType is PolicyType.ServiceControl or PolicyType.ResourceControl
            ? $"{PolicyWords.Layer(statement.PolicyType)} at level {statement.Level}"
            : PolicyWords.Layer(statement.PolicyType);
        var sid = statement.Sid is { Length: > 0 } s ? $"Sid `{s}`" : statement.JsonPath;
        return $"{statement.PolicyName} ({kind}) {sid}, line {statement.Line}";
    }
}
