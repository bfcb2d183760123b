using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using PolicyEngine.Evaluation;

namespace Governance.Api.OpenApi;

/// <summary>
/// The schema of <c>GET /v1/can-i</c>'s answer, which <c>DecisionJson</c> and <c>ObjectAccessJson</c> write by hand (the
/// answer of <c>iamgov can-i --output json</c>), so no type describes it. Its members as those writers write them; the
/// contract tests check every answer against it.
/// </summary>
internal static class CanIAnswerSchema
{
    /// <summary>The component's name.</summary>
    public const string Name = "CanIAnswer";

    public static OpenApiSchema Create(OpenApiDocument document)
    {
        var statement = new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Description = "A policy statement: which policy, its Sid, and where it is.",
            Required = new HashSet<string>(StringComparer.Ordinal) { "policyType", "policy", "index", "line" },
            Properties = new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal)
            {
                ["policyType"] = Text("The kind of policy (identity, resource, SCP, boundary, session)."),
                ["policy"] = Text("The policy's name."),
                ["level"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32", Description = "An SCP's or RCP's level in the organisation." },
                ["sid"] = new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null, Description = "The statement's Sid." },
                ["index"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32", Description = "Its position in the policy, from 0." },
                ["path"] = Text("Its JSON path in the policy."),
                ["line"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32", Description = "Its line in the policy." },
                ["status"] = Text("Not applied: why not, as a status."),
                ["why"] = Text("Not applied: why not, in words."),
                ["condition"] = new OpenApiSchema { Type = JsonSchemaType.Object, Description = "Not applied: the condition that did not match." },
            },
        };
        OpenApiSchema Statements(string description) => new() { Type = JsonSchemaType.Array, Items = statement, Description = description };
        OpenApiSchema Strings(string description) => new() { Type = JsonSchemaType.Array, Items = Text("A value."), Description = description };
        return new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Description = "The answer of `iamgov can-i --org … --output json`: one decision, or with `read`/`write`, the decision on an object and on each call it takes.",
            Required = new HashSet<string>(StringComparer.Ordinal) { "allowed", "decision", "principal", "warnings" },
            Properties = new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal)
            {
                ["allowed"] = new OpenApiSchema { Type = JsonSchemaType.Boolean, Description = "True when the decision is `Allow`." },
                ["decision"] = new OpenApiSchema
                {
                    Type = JsonSchemaType.String,
                    Enum = [.. Enum.GetNames<Decision>().Select(static d => (JsonNode)d)],
                    Description = "The engine's decision.",
                },
                ["reason"] = Text("Why, as the engine's reason."),
                ["summary"] = Text("The layer that decided."),
                ["callerPolicies"] = new OpenApiSchema
                {
                    Type = JsonSchemaType.String, Enum = [(JsonNode)"known", (JsonNode)"assumed"],
                    Description = "`assumed` when the organisation copy does not hold the caller's own policies.",
                },
                ["principal"] = Text("The principal's ARN."),
                ["action"] = Text("The action asked about."),
                ["resource"] = Text("The resource asked about."),
                ["decidingStatements"] = Statements("The statements that decided."),
                ["notApplied"] = Statements("The statements for the action that did not apply, and why."),
                ["missingContextKeys"] = Strings("Condition keys the request did not carry."),
                ["question"] = new OpenApiSchema { Type = JsonSchemaType.String, Enum = [(JsonNode)"read", (JsonNode)"write"], Description = "With `read`/`write`." },
                ["object"] = Text("With `read`/`write`: the object, `s3://BUCKET/KEY`."),
                ["calls"] = new OpenApiSchema
                {
                    Type = JsonSchemaType.Array, Items = new OpenApiSchemaReference(Name, document), Description = "With `read`/`write`: each call it takes, decided.",
                },
                ["warnings"] = Strings("Notes on the answer's inputs."),
            },
        };
    }

    private static OpenApiSchema Text(string description) => new() { Type = JsonSchemaType.String, Description = description };
}
