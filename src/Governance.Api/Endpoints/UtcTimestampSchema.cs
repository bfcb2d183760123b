using Governance.Core.Formats;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Governance.Api.Endpoints;

/// <summary>
/// Describes every time in the OpenAPI document as the one form it is written in (<see cref="UtcTimestamp"/>): a string,
/// <c>date-time</c>, with its pattern. The custom converter hides the type from the framework's schema otherwise.
/// </summary>
internal sealed class UtcTimestampSchema : IOpenApiSchemaTransformer
{
    /// <summary>The pattern of <see cref="UtcTimestamp.Pattern"/>, as a regular expression.</summary>
    public const string Regex = @"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$";

    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(context);
        var type = context.JsonTypeInfo.Type;
        if (type == typeof(DateTimeOffset) || type == typeof(DateTimeOffset?))
        {
            schema.Type = type == typeof(DateTimeOffset) ? JsonSchemaType.String : JsonSchemaType.String | JsonSchemaType.Null;
            schema.Format = "date-time";
            schema.Pattern = Regex;
        }
        return Task.CompletedTask;
    }
}
