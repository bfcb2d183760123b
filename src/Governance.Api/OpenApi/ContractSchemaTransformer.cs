using System.Text.Json.Nodes;
using Governance.Api.Contracts;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Governance.Api.OpenApi;

/// <summary>
/// Schemas as the wire has them: enums are strings (the JSON options write names and refuse numbers), and the request
/// bodies say what the service requires rather than how their types are declared (nullable, so that a missing member
/// is refused in the service's words), with an example each.
/// </summary>
internal sealed class ContractSchemaTransformer : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(context);
        var type = context.JsonTypeInfo.Type;
        if (Nullable.GetUnderlyingType(type) is { IsEnum: true } || type.IsEnum)
        {
            // JsonStringEnumConverter(allowIntegerValues: false): names only.
            schema.Type = schema.Type is { } t && t.HasFlag(JsonSchemaType.Null) ? JsonSchemaType.String | JsonSchemaType.Null : JsonSchemaType.String;
        }
        else if (context.JsonPropertyInfo is not null)
        {
            // A member's own schema: the types below are described whole, once.
        }
        else if (type == typeof(CreateAccessRequestDto))
        {
            foreach (var property in schema.Properties?.Values.OfType<OpenApiSchema>() ?? [])
            {
                property.Type &= ~JsonSchemaType.Null;
            }
            schema.Examples =
            [
                new JsonObject
                {
                    ["permissionSet"] = "lake-write",
                    ["resources"] = new JsonArray("arn:aws:s3:::lake-x/*"),
                    ["targetRole"] = "data-engineer",
                    ["justification"] = "backfill",
                    ["durationHours"] = 8,
                },
            ];
        }
        else if (type == typeof(DecisionDto))
        {
            // Both members may be left out (a comment is optional; the preview version may come as If-Match).
            schema.Required?.Clear();
            schema.Examples = [new JsonObject { ["comment"] = "ok", ["previewVersion"] = "3f1c0a9e5b7d2468" }];
        }
        return Task.CompletedTask;
    }
}
