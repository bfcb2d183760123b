using Governance.Api.Endpoints;
using Microsoft.OpenApi;

namespace Governance.Api.OpenApi;

/// <summary>The OpenAPI document served at <c>/openapi/v1.json</c>, committed beside this file as <c>governance.v1.json</c>.</summary>
internal static class OpenApiSetup
{
    /// <summary>The document's name in its route.</summary>
    public const string DocumentName = "v1";

    /// <remarks>
    /// OpenAPI 3.0, not the framework's default 3.1: NSwag 14.8 (the generator the contract tests use) makes the same
    /// client from either form of this document, and 3.0 is the version every generator and gateway reads, where 3.1's
    /// support still varies between tools.
    /// </remarks>
    public static IServiceCollection AddGovernanceOpenApi(this IServiceCollection services)
        => services.AddOpenApi(DocumentName, static options =>
        {
            options.OpenApiVersion = OpenApiSpecVersion.OpenApi3_0;
            options.AddDocumentTransformer<ContractDocumentTransformer>();
            options.AddOperationTransformer<ContractOperationTransformer>();
            options.AddSchemaTransformer<ContractSchemaTransformer>();
            options.AddOperationTransformer<ListOrderDescriptions>();
            options.AddSchemaTransformer<UtcTimestampSchema>();
        });
}
