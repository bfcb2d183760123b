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
            WriteStatement(json, statement);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteStartArray("notApplied");
        foreach (var outcome in result.Explanation.Statements.Where(static o => o.Status is not (StatementStatus.Matched or StatementStatus.ActionNotMatched)))
        {
            WriteStatement(json, outcome.Statement);
            json.WriteString("status", outcome.Status.ToString());
            json.WriteString("why", ExplanationFormatter.Describe(outcome));
            if (outcome.FailedCondition is { } c)
            {
                json.WriteStartObject("condition");
                json.WriteString("operator", c.Operator);
                json.WriteString("key", c.Key);
                WriteStrings(json, "policyValues", c.PolicyValues);
                WriteStrings(json, "requestValues", c.RequestValues);
                json.WriteBoolean("keyMissing", c.KeyMissing);
                json.WriteEndObject();
            }
            json.WriteEndObject();
        }
        json.WriteEndArray();
        WriteStrings(json, "missingContextKeys", result.Explanation.MissingContextKeys);
        WriteStrings(json, "warnings", warnings);
        json.WriteEndObject();
    }

    /// <summary>Opens an object describing <paramref name="statement"/>; the caller may add fields and closes it.</summary>
    public static void WriteStatement(Utf8JsonWriter json, StatementRef statement)
    {
        json.WriteStartObject();
        json.WriteString("policyType", statement.PolicyType.ToString());
        json.WriteString("policy", statement.PolicyName);
        if (statement.Level is { } level)
        {
            json.WriteNumber("level", level);
        }
        json.WriteString("sid", statement.Sid);
        json.WriteNumber("index", statement.Index);
        json.WriteString("path", statement.JsonPath);
        json.WriteNumber("line", statement.Line);
    }

    private static void WriteStrings(Utf8JsonWriter json, string name, IEnumerable<string> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values)
        {
            json.WriteStringValue(value);
        }
        json.WriteEndArray();
    }
}
