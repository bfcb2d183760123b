using Governance.Api.Console;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Governance.Api.OpenApi;

/// <summary>
/// What the document says once for every operation: its title, the two security schemes, the problem schema, the
/// tags, and the health endpoints (mapped as health checks, which the framework does not describe).
/// </summary>
internal sealed class ContractDocumentTransformer : IOpenApiDocumentTransformer
{
    /// <summary>The bearer scheme's name in the document.</summary>
    public const string BearerScheme = "bearer";

    /// <summary>The console's cookie scheme's name in the document.</summary>
    public const string CookieScheme = "console";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        document.Info = new OpenApiInfo
        {
            Title = "iamgov governance API",
            Version = "v1",
            Description = "Access requests, approvals, grants and their credentials, the audit trail, and questions about the organisation's IAM. "
                + "Every error is an RFC 9457 problem (`application/problem+json`) with a stable `code`. Times are UTC, ISO 8601.",
        };
        // The address a request reached this node by is not part of the contract: a client is given its base address.
        document.Servers?.Clear();
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes = new Dictionary<string, IOpenApiSecurityScheme>(StringComparer.Ordinal)
        {
            [BearerScheme] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                BearerFormat = "JWT",
                Description = "A JWT from the configured OpenID Connect authority (`Governance:Auth:Authority`), or on the embedded default one "
                    + "that `iamgov token` signs with the data folder's key. Its roles claim carries `engineer`, `approver` or `admin`.",
            },
            [CookieScheme] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey,
                In = ParameterLocation.Cookie,
                Name = ConsoleAuthentication.CookieName,
                Description = "The console's session cookie, set by its sign-in. Only the console's pages read it: no operation of this API accepts it, "
                    + "so a page elsewhere cannot make a signed-in browser call the API.",
            },
        };
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal);
        document.Components.Schemas[ProblemSchema.Name] = ProblemSchema.Create(document);
        document.Components.Schemas[CanIAnswerSchema.Name] = CanIAnswerSchema.Create(document);
        document.Components.Schemas[HealthStatusSchemaName] = new OpenApiSchema
        {
            Type = JsonSchemaType.String,
            Enum = [.. Enum.GetNames<Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus>().Select(static s => (System.Text.Json.Nodes.JsonNode)s)],
        };
        document.Components.Schemas[HealthSchemaName] = HealthSchema(document);
        document.Tags = new HashSet<OpenApiTag>
        {
            new() { Name = "Permission sets", Description = "What can be requested." },
            new() { Name = "Access requests", Description = "Submit, list and read requests; approve, deny, cancel." },
            new() { Name = "Grants", Description = "Active and ended grants; revocation; short-lived AWS credentials for a grant." },
            new() { Name = "Audit", Description = "The hash-chained audit log, its signed checkpoints, and the drift audit's reports." },
            new() { Name = "Access questions", Description = "Can a principal do something now; the engine's simulator; the organisation copy answered from." },
            new() { Name = "Health", Description = "Liveness and readiness, for a load balancer or an orchestrator: anonymous." },
        };
        document.Paths ??= [];
        document.Paths["/health/live"] = HealthPath(document, "GetLiveness", "The process runs", "200 while the process serves requests; no check is run.", mayFail: false);
        document.Paths["/health/ready"] = HealthPath(document, "GetReadiness", "The service can answer",
            "200 when the database answers (and, Degraded, when a webhook receiver does not); 503 when the database does not.", mayFail: true);
        return Task.CompletedTask;
    }

    private const string HealthSchemaName = "HealthReport";

    private const string HealthStatusSchemaName = "HealthStatus";

    private static OpenApiSchema HealthSchema(OpenApiDocument document)
    {
        var status = new OpenApiSchemaReference(HealthStatusSchemaName, document);
        return new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Description = "The health checks run and their outcome.",
            Required = new HashSet<string>(StringComparer.Ordinal) { "status", "checks" },
            Properties = new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal)
            {
                ["status"] = status,
                ["checks"] = new OpenApiSchema
                {
                    Type = JsonSchemaType.Object,
                    Description = "Each check by name.",
                    AdditionalProperties = new OpenApiSchema
                    {
                        Type = JsonSchemaType.Object,
                        Required = new HashSet<string>(StringComparer.Ordinal) { "status" },
                        Properties = new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal)
                        {
                            ["status"] = status,
                            ["description"] = new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null },
                        },
                    },
                },
            },
        };
    }

    private static OpenApiPathItem HealthPath(OpenApiDocument document, string operationId, string summary, string description, bool mayFail)
    {
        OpenApiMediaType Report() => new() { Schema = new OpenApiSchemaReference(HealthSchemaName, document) };
        var responses = new OpenApiResponses
        {
            ["200"] = new OpenApiResponse { Description = "Healthy or degraded", Content = new Dictionary<string, OpenApiMediaType> { ["application/json"] = Report() } },
        };
        if (mayFail)
        {
            responses["503"] = new OpenApiResponse { Description = "Unhealthy", Content = new Dictionary<string, OpenApiMediaType> { ["application/json"] = Report() } };
        }
        return new OpenApiPathItem
        {
            Operations = new Dictionary<HttpMethod, OpenApiOperation>
            {
                [HttpMethod.Get] = new OpenApiOperation
                {
                    OperationId = operationId,
                    Summary = summary,
                    Description = description,
                    Tags = new HashSet<OpenApiTagReference> { new("Health", document) },
                    // Anonymous: an empty requirement list overrides any default.
                    Security = [],
                    Responses = responses,
                },
            },
        };
    }
}
