using System.Text.Json;
using PolicyEngine.Evaluation;
using PolicyEngine.Explain;

namespace Governance.Core.Reports;

/// <summary>
/// Writes an engine explanation as JSON: the reason, a summary, the deciding statements and every statement's outcome.
/// <c>iamgov simulate</c> and <c>POST /v1/simulate</c> both write it.
/// </summary>
public static class ExplanationJson
{
    /// <summary>Writes the explanation of <paramref name="result"/> as one object.</summary>
    public static void Write(Utf8JsonWriter json, AuthorizationResult result)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(result);
        var explanation = result.Explanation;
        json.WriteStartObject();
        json.WriteString("reason", explanation.Reason.ToString());
        json.WriteString("summary", ExplanationFormatter.Describe(explanation));
        if (explanation.Level is { } level)
        {
            json.WriteNumber("level", level);
        }
        StatementJson.WriteStatements(json, "decidingStatements", result.DecidingStatements);
        json.WriteStartArray("statements");
        foreach (var outcome in explanation.Statements)
        {
            StatementJson.WriteStatement(json, outcome.Statement);
            json.WriteString("effect", outcome.Effect.ToString());
            json.WriteString("status", outcome.Status.ToString());
            if (outcome.FailedCondition is { } failure)
            {
                json.WriteStartObject("failedCondition");
                json.WriteString("operator", failure.Operator);
                json.WriteString("key", failure.Key);
                json.WriteBoolean("keyMissing", failure.KeyMissing);
                StatementJson.WriteStrings(json, "policyValues", failure.PolicyValues);
                StatementJson.WriteStrings(json, "requestValues", failure.RequestValues);
                json.WriteEndObject();
            }
            json.WriteEndObject();
        }
        json.WriteEndArray();
        StatementJson.WriteStrings(json, "missingContextKeys", explanation.MissingContextKeys);
        json.WriteEndObject();
    }
}
