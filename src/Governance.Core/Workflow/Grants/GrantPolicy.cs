using System.Text.Json.Nodes;

namespace Governance.Core.Workflow.Grants;

/// <summary>Builds a grant's inline policy: the request's statements, each ending at the window's end by itself.</summary>
public static class GrantPolicy
{
    /// <summary>
    /// Adds <c>"Condition": {"DateLessThan": {"aws:CurrentTime": END}}</c> to every statement of
    /// <paramref name="policyDocument"/>, so the access ends even if revocation never runs.
    /// </summary>
    public static string WithExpiry(string policyDocument, GrantWindow window)
    {
        ArgumentNullException.ThrowIfNull(policyDocument);
        var root = JsonNode.Parse(policyDocument) as JsonObject ?? throw new ArgumentException("a policy is a JSON object", nameof(policyDocument));
        var statements = root["Statement"] switch
        {
            JsonArray array => array.OfType<JsonObject>(),
            JsonObject single => [single],
            _ => [],
        };
        foreach (var statement in statements)
        {
            if (statement["Condition"] is not JsonObject condition)
            {
                condition = [];
                statement["Condition"] = condition;
            }
            if (condition["DateLessThan"] is not JsonObject dateLessThan)
            {
                dateLessThan = [];
                condition["DateLessThan"] = dateLessThan;
            }
            dateLessThan["aws:CurrentTime"] = window.EndIso8601;
        }
        return root.ToJsonString();
    }
}
