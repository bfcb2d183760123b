using System.Text.Json;
using PolicyEngine.Evaluation;
using PolicyEngine.Explain;

namespace Governance.Cli.Simulation;

/// <summary>Writes decisions and explanations as JSON; the engine's typed results rendered for tools.</summary>
internal static class ResultJson
{
    /// <summary>One line: <c>{"id":...,"decision":...}</c>, with <c>"explanation"</c> when <paramref name="result"/> is given.</summary>
    public static string CaseLine(string id, Decision decision, AuthorizationResult? result)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("id", id);
            json.WriteString("decision", decision.ToString());
            if (result is not null)
            {
                json.WritePropertyName("explanation");
                WriteExplanation(json, result);
            }
            json.WriteEndObject();
        }
        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void WriteExplanation(Utf8JsonWriter json, AuthorizationResult result)
    {
        var explanation = result.Explanation;
        json.WriteStartObject();
        json.WriteString("reason", explanation.Reason.ToString());
        json.WriteString("summary", ExplanationFormatter.Describe(explanation));
        if (explanation.Level is { } level)
        {
            json.WriteNumber("level", level);
        }
        json.WriteStartArray("decidingStatements");
        foreach (var statement in result.DecidingStatements)
        {
            WriteStatement(json, statement);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteStartArray("statements");
        foreach (var outcome in explanation.Statements)
        {
            WriteStatement(json, outcome.Statement);
            json.WriteString("effect", outcome.Effect.ToString());
            json.WriteString("status", outcome.Status.ToString());
            if (outcome.FailedCondition is { } failure)
            {
                json.WriteStartObject("failedCondition");
                json.WriteString("operator", failure.Operator);
                json.WriteString("key", failure.Key);
                json.WriteBoolean("keyMissing", failure.KeyMissing);
                WriteStrings(json, "policyValues", failure.PolicyValues);
                WriteStrings(json, "requestValues", failure.RequestValues);
                json.WriteEndObject();
            }
            json.WriteEndObject();
        }
        json.WriteEndArray();
        WriteStrings(json, "missingContextKeys", explanation.MissingContextKeys);
        json.WriteEndObject();
    }

    /// <summary>Opens an object describing <paramref name="statement"/>; the caller closes it.</summary>
    private static void WriteStatement(Utf8JsonWriter json, StatementRef statement)
    {
        json.WriteStartObject();
        json.WriteString("policy", statement.PolicyName);
        json.WriteString("policyType", statement.PolicyType.ToString());
        if (statement.Level is { } level)
        {
            json.WriteNumber("level", level);
        }
        json.WriteString("statement", statement.DisplayName);
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
