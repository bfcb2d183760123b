using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Json.Schema;

namespace Governance.Api.ClientTests.Infrastructure;

/// <summary>
/// The committed OpenAPI document (copied beside the test assembly), read as the contract an answer must keep: each
/// answer's status must be one the operation declares, carry the headers declared required, and its JSON must match
/// the schema declared for it.
/// </summary>
/// <remarks>
/// OpenAPI 3.0 schemas are JSON Schema with a few differences; the two that matter here are translated before
/// evaluation: <c>nullable: true</c> (JSON Schema's <c>"null"</c> type) and references to <c>#/components/schemas</c>
/// (kept under <c>$defs</c>); OpenAPI's <c>example</c> is dropped. Formats (<c>uuid</c>, <c>date-time</c>) are asserted, not only annotated.
/// </remarks>
public sealed class ContractDocument
{
    private static readonly EvaluationOptions Evaluation = new() { OutputFormat = OutputFormat.List, RequireFormatValidation = true };

    private readonly JsonObject _definitions;

    private ContractDocument(JsonObject root)
    {
        Root = root;
        _definitions = (JsonObject)ToJsonSchema(root["components"]!["schemas"]!.DeepClone());
    }

    /// <summary>The committed document's path beside the test assembly.</summary>
    public static string CommittedPath => Path.Combine(AppContext.BaseDirectory, "governance.v1.json");

    public static ContractDocument Committed { get; } = new((JsonObject)JsonNode.Parse(File.ReadAllText(CommittedPath))!);

    public JsonObject Root { get; }

    /// <summary>What is wrong with <paramref name="exchange"/> by the document; empty when nothing is.</summary>
    public IReadOnlyList<string> Check(RecordedExchange exchange)
    {
        ArgumentNullException.ThrowIfNull(exchange);
        var what = $"{exchange.Method} {exchange.Path} → {exchange.Status}";
        if (Operation(exchange.Method, exchange.Path) is not { } operation)
        {
            return [$"{what}: no operation in the document"];
        }
        var operationId = operation["operationId"]?.GetValue<string>();
        if (operation["responses"]?[exchange.Status.ToString(System.Globalization.CultureInfo.InvariantCulture)] is not JsonObject response)
        {
            return [$"{what}: {operationId} declares no {exchange.Status} response"];
        }
        var missing = ((response["headers"] as JsonObject) ?? [])
            .Where(h => h.Value?["required"]?.GetValue<bool>() == true && exchange.Headers?.Contains(h.Key) != true)
            .Select(h => $"{what}: {operationId} declares the header `{h.Key}` required, and the answer has none")
            .ToList();
        if (missing.Count > 0)
        {
            return missing;
        }
        if (exchange.MediaType is null || exchange.Body.Length == 0)
        {
            return response["content"] is JsonObject { Count: > 0 } ? [$"{what}: {operationId} declares a body, and the answer has none"] : [];
        }
        if (response["content"]?[exchange.MediaType] is not JsonObject content)
        {
            return [$"{what}: {operationId} declares no `{exchange.MediaType}` content for {exchange.Status}"];
        }
        if (content["schema"] is not { } declared || !exchange.MediaType.EndsWith("json", StringComparison.Ordinal))
        {
            return [];
        }
        var schema = (JsonObject)ToJsonSchema(declared.DeepClone());
        schema["$defs"] = _definitions.DeepClone();
        var results = JsonSchema.FromText(schema.ToJsonString()).Evaluate(JsonDocument.Parse(exchange.Body).RootElement, Evaluation);
        return results.IsValid
            ? []
            : [.. (results.Details ?? []).Where(static d => d.Errors is { Count: > 0 })
                .SelectMany(d => d.Errors!.Select(e => $"{what}: {operationId} at `{d.InstanceLocation}` ({d.EvaluationPath}): {e.Value}"))];
    }

    /// <summary>The operation of the document a request to <paramref name="path"/> reaches; literal paths before templated ones.</summary>
    private JsonObject? Operation(HttpMethod method, string path)
    {
        foreach (var (template, item) in ((JsonObject)Root["paths"]!).OrderBy(static p => p.Key.Count(static c => c == '{')))
        {
            var pattern = "^" + Regex.Replace(Regex.Escape(template), @"\\\{[^}]+}", "[^/]+") + "/?$";
            if (Regex.IsMatch(path, pattern) && item?[method.Method.ToLowerInvariant()] is JsonObject operation)
            {
                return operation;
            }
        }
        return null;
    }

    /// <summary>OpenAPI 3.0's schema dialect to JSON Schema 2020-12, in place.</summary>
    private static JsonNode ToJsonSchema(JsonNode node)
    {
        switch (node)
        {
            case JsonObject obj:
                // OpenAPI's annotations that JSON Schema 2020-12 does not know (no property of this API is named so).
                obj.Remove("example");
                foreach (var (_, child) in obj.ToList())
                {
                    if (child is not null)
                    {
                        ToJsonSchema(child);
                    }
                }
                if (obj["$ref"] is JsonValue reference && reference.GetValue<string>().StartsWith("#/components/schemas/", StringComparison.Ordinal))
                {
                    obj["$ref"] = "#/$defs/" + reference.GetValue<string>()["#/components/schemas/".Length..];
                }
                // The framework's 3.0 form of a nullable reference, `oneOf: [{enum: [null], nullable: true}, {$ref}]`: either
                // branch, not exactly one (an open schema such as a JSON value's takes null too).
                if (obj["oneOf"] is JsonArray { Count: 2 } branches && branches.Any(static b => b?["enum"] is JsonArray values && values.All(static v => v is null)))
                {
                    obj["anyOf"] = branches.DeepClone();
                    obj.Remove("oneOf");
                }
                if (obj["nullable"] is JsonValue nullable && nullable.GetValue<bool>())
                {
                    obj.Remove("nullable");
                    if (obj["type"] is JsonValue type)
                    {
                        obj["type"] = new JsonArray(type.GetValue<string>(), "null");
                    }
                    if (obj["enum"] is JsonArray values)
                    {
                        values.Add(null);
                    }
                    if (obj["$ref"] is { } target)
                    {
                        obj.Remove("$ref");
                        obj["anyOf"] = new JsonArray(new JsonObject { ["$ref"] = target.DeepClone() }, new JsonObject { ["type"] = "null" });
                    }
                }
                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    if (item is not null)
                    {
                        ToJsonSchema(item);
                    }
                }
                break;
        }
        return node;
    }
}
