using System.Globalization;
using System.Text.Json.Nodes;
using Governance.Api.Endpoints;
using Governance.Core.Results;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Governance.Api.OpenApi;

/// <summary>
/// Each operation's security, refusals and query types, from what the endpoint is: its authorization metadata (the
/// scheme and the roles its policies require), its method, and the <see cref="ProblemResponse"/> and
/// <see cref="QueryValues"/> declared beside its mapping.
/// </summary>
internal sealed class ContractOperationTransformer : IOpenApiOperationTransformer
{
    /// <summary>The extension that lists the roles an operation needs.</summary>
    public const string RolesExtension = "x-required-roles";

    /// <summary>The extension that lists a problem response's codes.</summary>
    public const string CodesExtension = "x-problem-codes";

    public async Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(context);
        var document = context.Document ?? throw new InvalidOperationException("the operation transformer needs the document");
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        var access = await AccessOf(metadata, context.ApplicationServices).ConfigureAwait(false);

        var refusals = new SortedDictionary<int, SortedSet<string>>();
        void Refuse(int status, IEnumerable<string> codes)
        {
            if (!refusals.TryGetValue(status, out var set))
            {
                refusals[status] = set = new SortedSet<string>(StringComparer.Ordinal);
            }
            set.UnionWith(codes);
        }
        Refuse(StatusCodes.Status400BadRequest, ProblemSchema.BadRequestCodes);
        // Every request is counted per client address before authentication, and per token subject after it.
        Refuse(StatusCodes.Status429TooManyRequests, [ProblemCodes.RateLimited]);
        if (HttpMethods.IsPost(context.Description.HttpMethod ?? string.Empty))
        {
            Refuse(StatusCodes.Status413PayloadTooLarge, [ProblemCodes.BodyTooLarge]);
        }
        if (access is { } needs)
        {
            operation.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(needs.Scheme, document)] = [] }];
            Refuse(StatusCodes.Status401Unauthorized, ProblemSchema.TokenCodes);
            if (needs.Roles.Count > 0)
            {
                Refuse(StatusCodes.Status403Forbidden, [ProblemCodes.RoleRequired]);
                operation.Extensions ??= new Dictionary<string, IOpenApiExtension>(StringComparer.Ordinal);
                operation.Extensions[RolesExtension] = new JsonNodeExtension(new JsonArray([.. needs.Roles.Select(static r => (JsonNode)r)]));
                operation.Description = Paragraphs(operation.Description, $"Roles: {string.Join(" or ", needs.Roles.Select(static r => $"`{r}`"))}.");
            }
        }
        else
        {
            operation.Security = [];
        }
        foreach (var declared in metadata.OfType<ProblemResponse>())
        {
            Refuse(declared.Status, declared.Codes);
        }
        operation.Responses ??= [];
        foreach (var (status, codes) in refusals)
        {
            operation.Responses[status.ToString(CultureInfo.InvariantCulture)] = Response(document, status, codes);
        }
        DescribeHeaders(operation, metadata);
        TypeText(operation);
        if (metadata.OfType<JsonAnswer>().FirstOrDefault() is { } answer
            && operation.Responses.TryGetValue("200", out var ok) && ok.Content?.TryGetValue("application/json", out var json) == true)
        {
            json.Schema = new OpenApiSchemaReference(answer.SchemaName, document);
        }
        TypeQuery(operation, metadata, document);
        UnwrapNullableBody(operation);
    }

    /// <summary>The scheme and roles an endpoint's policies require; null when it is anonymous.</summary>
    private static async Task<Access?> AccessOf(IList<object> metadata, IServiceProvider services)
    {
        if (metadata.OfType<IAllowAnonymous>().Any())
        {
            return null;
        }
        var provider = services.GetRequiredService<IAuthorizationPolicyProvider>();
        var policy = await AuthorizationPolicy.CombineAsync(provider, metadata.OfType<IAuthorizeData>()).ConfigureAwait(false)
            ?? await provider.GetFallbackPolicyAsync().ConfigureAwait(false);
        // Every requirement must pass: the roles allowed are those each roles requirement allows.
        IEnumerable<string>? roles = null;
        foreach (var requirement in policy?.Requirements.OfType<RolesAuthorizationRequirement>() ?? [])
        {
            roles = roles is null ? requirement.AllowedRoles : roles.Intersect(requirement.AllowedRoles, StringComparer.Ordinal);
        }
        // A policy naming no scheme uses the default, which is the bearer token on the API's paths.
        var scheme = policy?.AuthenticationSchemes.Contains(Console.ConsoleAuthentication.CookieScheme) == true
            ? ContractDocumentTransformer.CookieScheme
            : ContractDocumentTransformer.BearerScheme;
        return new Access(scheme, [.. roles ?? []]);
    }

    private static OpenApiResponse Response(OpenApiDocument document, int status, IReadOnlyCollection<string> codes)
    {
        var response = new OpenApiResponse
        {
            Description = $"{ReasonPhrase(status)}: {string.Join(", ", codes.Select(static c => $"`{c}`"))}",
            Content = new Dictionary<string, OpenApiMediaType>(StringComparer.Ordinal)
            {
                [ProblemSchema.MediaType] = ProblemSchema.Content(document, Example(status, ExampleCode(codes))),
            },
            Extensions = new Dictionary<string, IOpenApiExtension>(StringComparer.Ordinal)
            {
                [CodesExtension] = new JsonNodeExtension(new JsonArray([.. codes.Select(static c => (JsonNode)c)])),
            },
        };
        if (status == StatusCodes.Status401Unauthorized)
        {
            response.Headers = new Dictionary<string, IOpenApiHeader>(StringComparer.Ordinal)
            {
                ["WWW-Authenticate"] = Header("`Bearer` when no token was sent; `Bearer error=\"invalid_token\", error_description=\"…\"` when one was refused (RFC 6750).", required: true),
            };
        }
        else if (status == StatusCodes.Status429TooManyRequests || codes.Contains(ProblemCodes.DatabaseUnavailable))
        {
            response.Headers = new Dictionary<string, IOpenApiHeader>(StringComparer.Ordinal)
            {
                ["Retry-After"] = new OpenApiHeader
                {
                    Description = status == StatusCodes.Status429TooManyRequests
                        ? "Seconds to wait before trying again."
                        : "With `database-unavailable`: seconds to wait before trying again.",
                    Required = status == StatusCodes.Status429TooManyRequests,
                    Schema = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32", Minimum = "1" },
                },
            };
        }
        return response;
    }

    private static OpenApiHeader Header(string description, bool required)
        => new() { Description = description, Required = required, Schema = new OpenApiSchema { Type = JsonSchemaType.String } };

    /// <summary>The code a response's example shows: the one a client meets first, else the first named.</summary>
    private static string ExampleCode(IReadOnlyCollection<string> codes)
        => ExampleFirst.FirstOrDefault(codes.Contains) ?? codes.First();

    private static readonly string[] ExampleFirst = [ProblemCodes.TokenMissing, ProblemCodes.RoleRequired, ProblemCodes.ValidationFailed, ProblemCodes.RateLimited];

    /// <summary>An example of the response's first code: shape, not wording (each answer's <c>detail</c> says what happened).</summary>
    private static JsonObject Example(int status, string code) => new()
    {
        ["type"] = Problems.ProblemMapping.TypeOf(code),
        ["title"] = ReasonPhrase(status),
        ["status"] = status,
        ["detail"] = code switch
        {
            ProblemCodes.TokenMissing => "no bearer token: send `Authorization: Bearer <token>` (on the embedded service, `iamgov token` prints one)",
            ProblemCodes.RoleRequired => "this request needs the role `approver` or `admin`; the token carries `engineer`",
            ProblemCodes.ValidationFailed => "durationHours: expected a whole number from 1 to 8",
            ProblemCodes.RateLimited => "more than 600 requests per 60 s from this token subject; retry later",
            _ => $"refused: {code}",
        },
        ["code"] = code,
    };

    private static void DescribeHeaders(OpenApiOperation operation, IList<object> metadata)
    {
        foreach (var header in metadata.OfType<HeaderContract>())
        {
            var schema = new OpenApiSchema { Type = JsonSchemaType.String };
            if (header.Status is not { } status)
            {
                operation.Parameters ??= [];
                operation.Parameters.Add(new OpenApiParameter { Name = header.Name, In = ParameterLocation.Header, Description = header.Description, Schema = schema });
            }
            else if (operation.Responses?.TryGetValue(status.ToString(CultureInfo.InvariantCulture), out var response) == true && response is OpenApiResponse answer)
            {
                answer.Headers ??= new Dictionary<string, IOpenApiHeader>(StringComparer.Ordinal);
                answer.Headers[header.Name] = new OpenApiHeader { Description = header.Description, Schema = schema };
            }
        }
    }

    /// <summary>A text answer (a report as Markdown or HTML) is a string, whatever type its JSON form has.</summary>
    private static void TypeText(OpenApiOperation operation)
    {
        foreach (var content in operation.Responses?.Values.SelectMany(static r => r.Content ?? new Dictionary<string, OpenApiMediaType>()) ?? [])
        {
            if (content.Key.StartsWith("text/", StringComparison.Ordinal))
            {
                content.Value.Schema = new OpenApiSchema { Type = JsonSchemaType.String };
            }
        }
    }

    /// <summary>Query parameters the handlers read as strings (to word their refusals) are typed as the values they take.</summary>
    private static void TypeQuery(OpenApiOperation operation, IList<object> metadata, OpenApiDocument document)
    {
        foreach (var parameter in operation.Parameters?.OfType<OpenApiParameter>().Where(static p => p.In == ParameterLocation.Query) ?? [])
        {
            if (metadata.OfType<QueryValues>().FirstOrDefault(v => v.Name == parameter.Name) is { } values)
            {
                document.Components ??= new OpenApiComponents();
                document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal);
                document.Components.Schemas.TryAdd(values.SchemaName,
                    new OpenApiSchema { Type = JsonSchemaType.String, Enum = [.. values.Values.Select(static v => (JsonNode)v)] });
                parameter.Schema = new OpenApiSchemaReference(values.SchemaName, document);
                continue;
            }
            (parameter.Schema, parameter.Description) = parameter.Name switch
            {
                "page" => (new OpenApiSchema
                {
                    Type = JsonSchemaType.Integer, Format = "int32", Minimum = "1", Maximum = Paging.MaxPage.ToString(CultureInfo.InvariantCulture), Default = 1,
                }, "The page, from 1."),
                "pageSize" => (new OpenApiSchema
                {
                    Type = JsonSchemaType.Integer, Format = "int32", Minimum = "1", Maximum = Paging.MaxSize.ToString(CultureInfo.InvariantCulture),
                    Default = Paging.DefaultSize,
                }, "Items per page."),
                "from" => (new OpenApiSchema { Type = JsonSchemaType.String, Format = "date-time" }, "From this time, inclusive (ISO 8601)."),
                "to" => (new OpenApiSchema { Type = JsonSchemaType.String, Format = "date-time" }, "Up to this time, exclusive (ISO 8601)."),
                _ => (parameter.Schema, parameter.Description),
            };
        }
    }

    /// <summary>
    /// A body parameter declared nullable (so that a missing body is refused in the service's words) is described as the
    /// object it must be: <c>oneOf [null, X]</c> reads to generators as an untyped body.
    /// </summary>
    private static void UnwrapNullableBody(OpenApiOperation operation)
    {
        foreach (var content in operation.RequestBody?.Content?.Values ?? [])
        {
            if (content.Schema is OpenApiSchema { OneOf: [var a, var b] } && (a.Type == JsonSchemaType.Null || b.Type == JsonSchemaType.Null))
            {
                content.Schema = a.Type == JsonSchemaType.Null ? b : a;
            }
        }
    }

    private static string Paragraphs(string? first, string second) => string.IsNullOrEmpty(first) ? second : $"{first}\n\n{second}";

    private static string ReasonPhrase(int status) => status switch
    {
        StatusCodes.Status413PayloadTooLarge => "Content Too Large",
        StatusCodes.Status422UnprocessableEntity => "Unprocessable Content",
        _ => Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(status),
    };

    private sealed record Access(string Scheme, IReadOnlyList<string> Roles);
}
