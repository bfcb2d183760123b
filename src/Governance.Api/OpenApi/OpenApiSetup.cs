using Governance.Api.Endpoints;
using Microsoft.OpenApi;

namespace Governance.Api.OpenApi;

/// <summary>The OpenAPI document served at <c>/openapi/v1.json</c>, committed beside this file as <c>governance.v1.json</c>.</summary>
internal static class OpenApiSetup
{
    /// <summary>The document's name in its route.</summary>
    public const string DocumentName = "v1";

    /// <remarks>
    /// OpenAPI 3.0, not the framework's default 3.1: NSwag (the generator the contract tests use) reads 3.0's
    /// <c>nullable: true</c> but not 3.1's <c>type: [..., "null"]</c>, and most generators in use read 3.0.
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
