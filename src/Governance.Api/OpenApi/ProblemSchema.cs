using System.Reflection;
using System.Text.Json.Nodes;
using Governance.Core.Results;
using Microsoft.OpenApi;

namespace Governance.Api.OpenApi;

/// <summary>
/// The one <c>ProblemDetails</c> schema every error response names: RFC 9457's members, the service's <c>code</c> with
/// every value of <see cref="ProblemCodes"/>, and the members some problems carry besides (<c>errors</c> on a validation
/// problem, <c>retryAfterSeconds</c>, <c>limitBytes</c>, the new preview of a changed one).
/// </summary>
internal static class ProblemSchema
{
    /// <summary>The component's name.</summary>
    public const string Name = "ProblemDetails";

    /// <summary>The media type of every problem answer.</summary>
    public const string MediaType = "application/problem+json";

    /// <summary>Every problem code, from the constants of <see cref="ProblemCodes"/>: the list cannot miss one.</summary>
    public static IReadOnlyList<string> AllCodes { get; } =
    [
        .. typeof(ProblemCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(static f => f.IsLiteral && f.FieldType == typeof(string))
            .Select(static f => (string)f.GetRawConstantValue()!)
            .Order(StringComparer.Ordinal),
    ];

    /// <summary>The codes of a refused bearer token (<c>TokenRefusal</c>, <c>TokenSubjectCheck</c>): all and only those spelt <c>token-…</c>.</summary>
    public static IReadOnlyList<string> TokenCodes { get; } = [.. AllCodes.Where(static c => c.StartsWith("token-", StringComparison.Ordinal))];

    /// <summary>
    /// The codes of a refused request line, which any <c>/v1</c> operation can answer with 400: a field the body or the
    /// query gets wrong, and the query's own refusals (all and only the codes spelt <c>…-query-parameter</c>).
    /// </summary>
    public static IReadOnlyList<string> BadRequestCodes { get; } =
        [ProblemCodes.ValidationFailed, .. AllCodes.Where(static c => c.EndsWith("-query-parameter", StringComparison.Ordinal))];

    public static OpenApiSchema Create(OpenApiDocument document) => new()
    {
        Type = JsonSchemaType.Object,
        Description = "An RFC 9457 problem. `code` is stable and names the refusal; `type` is `urn:iamgov:problem:{code}`.",
        Required = new HashSet<string>(StringComparer.Ordinal) { "type", "title", "status", "code" },
        Properties = new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal)
        {
            ["type"] = Text("`urn:iamgov:problem:{code}` (or an RFC 9110 section for a problem the framework answers)."),
            ["title"] = Text("A short summary of the kind of problem."),
            ["status"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32", Description = "The HTTP status." },
            ["detail"] = Text("What was wrong and what the service expected, for a person to read."),
            ["instance"] = Text("The request's path, when given."),
            ["code"] = new OpenApiSchema
            {
                Type = JsonSchemaType.String,
                Description = "Why: one of the service's problem codes. A client branches on it.",
                Enum = [.. AllCodes.Select(static c => (JsonNode)JsonValue.Create(c))],
            },
            ["errors"] = new OpenApiSchema
            {
                Type = JsonSchemaType.Object,
                Description = "A validation problem's fields (a JSON path such as `resources[1]`, or a query parameter) and what is wrong with each.",
                AdditionalProperties = new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchema { Type = JsonSchemaType.String } },
            },
            ["traceId"] = Text("The request's trace id, to find it in the service's logs."),
            ["retryAfterSeconds"] = new OpenApiSchema
            {
                Type = JsonSchemaType.Integer, Format = "int64", Description = "429 and 503: seconds to wait before trying again, as `Retry-After` says.",
            },
            ["limitBytes"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int64", Description = "`body-too-large`: the largest body the endpoint takes." },
            ["parameters"] = new OpenApiSchema
            {
                Type = JsonSchemaType.Array, Items = new OpenApiSchema { Type = JsonSchemaType.String }, Description = "The query parameters refused.",
            },
            ["candidates"] = new OpenApiSchema
            {
                Type = JsonSchemaType.Array, Items = new OpenApiSchema { Type = JsonSchemaType.String }, Description = "`principal-not-found`: the closest names.",
            },
            ["previewVersion"] = Text("`preview-changed`: the new preview's version, to approve again."),
            ["approvalsRequired"] = new OpenApiSchema
            {
                Type = JsonSchemaType.Integer, Format = "int32", Description = "`preview-changed`: approvals the new preview needs.",
            },
            ["preview"] = new OpenApiSchemaReference("AccessPreviewDto", document),
        },
    };

    /// <summary>A reference to the component, for a response's content.</summary>
    public static OpenApiMediaType Content(OpenApiDocument document, JsonNode? example = null)
        => new() { Schema = new OpenApiSchemaReference(Name, document), Example = example };

    private static OpenApiSchema Text(string description) => new() { Type = JsonSchemaType.String, Description = description };
}
