using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Governance.Api.Endpoints;

/// <summary>Adds each list's order (<see cref="ListOrderAttribute"/>) to its operation's description in the OpenAPI document.</summary>
internal sealed class ListOrderDescriptions : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(context);
        if (context.Description.ActionDescriptor.EndpointMetadata.OfType<ListOrderAttribute>().FirstOrDefault() is { } order)
        {
            var sentence = $"Order: {order.Order}.";
            operation.Description = string.IsNullOrEmpty(operation.Description) ? sentence : $"{operation.Description}\n\n{sentence}";
        }
        return Task.CompletedTask;
    }
}
