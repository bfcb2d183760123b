using System.Text.Json;
using PolicyEngine.Evaluation;
using PolicyEngine.Explain;

namespace Governance.Cli.Answers;

/// <summary>
/// Writes a decision as the stable JSON that <c>iamgov can-i --output json</c> prints (documented in docs/cli-json.md).
/// </summary>
internal static class DecisionJson
{
    public static void Write(Utf8JsonWriter json, string principal, string action, string resource, AuthorizationResult result,
        IEnumerable<string> warnings)
    {
        json.WriteStartObject();
        json.WriteBoolean("allowed", result.Decision == Decision.Allow);
        json.WriteString("decision", result.Decision.ToString());
        json.WriteString("reason", result.Explanation.Reason.ToString());
        json.WriteString("principal", principal);
        json.WriteString("action", action);
        json.WriteString("resource", resource);
        json.WriteStartArray("decidingStatements");
        foreach (var statement in result.DecidingStatements)
        {
            JsonFields.WriteStatement(json, statement);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteStartArray("notApplied");
        foreach (var outcome in result.Explanation.Statements.Where(static o => o.Status is not (StatementStatus.Matched or StatementStatus.ActionNotMatched)))
        {
            JsonFields.WriteStatement(json, outcome.Statement);
            json.WriteString("status", outcome.Status.ToString());
            json.WriteString("why", ExplanationFormatter.Describe(outcome));
            if (outcome.FailedCondition is { } c)
            {
                json.WriteStartObject("condition");
                json.WriteString("operator", c.Operator);
                json.WriteString("key", c.Key);
                JsonFields.WriteStrings(json, "policyValues", c.PolicyValues);
                JsonFields.WriteStrings(json, "requestValues", c.RequestValues);
                json.WriteBoolean("keyMissing", c.KeyMissing);
                json.WriteEndObject();
            }
            json.WriteEndObject();
        }
        json.WriteEndArray();
        JsonFields.WriteStrings(json, "missingContextKeys", result.Explanation.MissingContextKeys);
        JsonFields.WriteStrings(json, "warnings", warnings);
        json.WriteEndObject();
    }
}
