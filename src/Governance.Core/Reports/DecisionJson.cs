using System.Text.Json;
using Governance.Core.Accounts.Questions;
using PolicyEngine.Evaluation;
using PolicyEngine.Explain;

namespace Governance.Core.Reports;

/// <summary>
/// Writes a decision as the stable JSON that <c>iamgov can-i --output json</c> prints and <c>GET /v1/can-i</c> answers
/// (documented in docs/cli-json.md).
/// </summary>
public static class DecisionJson
{
    /// <summary>Writes one decision of <paramref name="principal"/>; <paramref name="warnings"/> are notes on its inputs.</summary>
    public static void Write(Utf8JsonWriter json, string principal, string action, string resource, AuthorizationResult result,
        IEnumerable<string> warnings)
        => Write(json, principal, action, resource, result, warnings, answer: null);

    /// <summary>
    /// Writes an answer computed from an organisation snapshot: the decision as above, with its <c>summary</c> (the layer
    /// that decided) and <c>callerPolicies</c> (<c>known</c>, or <c>assumed</c> when the snapshot does not hold them).
    /// </summary>
    public static void Write(Utf8JsonWriter json, string principal, string action, string resource, OrganizationAnswer answer,
        IEnumerable<string> warnings)
    {
        ArgumentNullException.ThrowIfNull(answer);
        Write(json, principal, action, resource, answer.Result, warnings, answer);
    }

    private static void Write(Utf8JsonWriter json, string principal, string action, string resource, AuthorizationResult result,
        IEnumerable<string> warnings, OrganizationAnswer? answer)
    {
        json.WriteStartObject();
        json.WriteBoolean("allowed", result.Decision == Decision.Allow);
        json.WriteString("decision", result.Decision.ToString());
        json.WriteString("reason", result.Explanation.Reason.ToString());
        if (answer is not null)
        {
            json.WriteString("summary", answer.Summary);
            json.WriteString("callerPolicies", answer.CallerPoliciesKnown ? "known" : "assumed");
        }
        json.WriteString("principal", principal);
        json.WriteString("action", action);
        json.WriteString("resource", resource);
        StatementJson.WriteStatements(json, "decidingStatements", result.DecidingStatements);
        json.WriteStartArray("notApplied");
        foreach (var outcome in result.Explanation.Statements.Where(static o => o.Status is not (StatementStatus.Matched or StatementStatus.ActionNotMatched)))
        {
            StatementJson.WriteStatement(json, outcome.Statement);
            json.WriteString("status", outcome.Status.ToString());
            json.WriteString("why", ExplanationFormatter.Describe(outcome));
            if (outcome.FailedCondition is { } c)
            {
                json.WriteStartObject("condition");
                json.WriteString("operator", c.Operator);
                json.WriteString("key", c.Key);
                StatementJson.WriteStrings(json, "policyValues", c.PolicyValues);
                StatementJson.WriteStrings(json, "requestValues", c.RequestValues);
                json.WriteBoolean("keyMissing", c.KeyMissing);
                json.WriteEndObject();
            }
            json.WriteEndObject();
        }
        json.WriteEndArray();
        StatementJson.WriteStrings(json, "missingContextKeys", result.Explanation.MissingContextKeys);
        StatementJson.WriteStrings(json, "warnings", warnings);
        json.WriteEndObject();
    }
}
