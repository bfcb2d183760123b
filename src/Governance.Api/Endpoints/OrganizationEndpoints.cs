using Governance.Api.Auth;
using Governance.Api.Contracts;
using Governance.Api.OpenApi;
using Governance.Core.OrganizationCopy;
using Governance.Core.Results;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Governance.Api.Endpoints;

/// <summary><c>GET /v1/organization</c>: what the answers are computed from, and where that picture is partial.</summary>
internal static class OrganizationEndpoints
{
    public static RouteGroupBuilder MapOrganization(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/v1/organization").WithTags("Access questions").RequireAuthorization(AuthorizationPolicies.Member);
        group.MapGet("/", GetAsync).WithName("GetOrganization").WithSummary("The organisation copy the answers are computed from")
            .Refuses(StatusCodes.Status503ServiceUnavailable, ProblemCodes.DatabaseUnavailable);
        return group;
    }

    /// <summary>The newest version of the organisation copy, as every node answers from it.</summary>
    public static async Task<Ok<OrganizationCopyDto>> GetAsync(OrganizationStore store, CancellationToken cancellationToken)
        => TypedResults.Ok(OrganizationCopyDto.From(await store.CurrentAsync(cancellationToken).ConfigureAwait(false)));
}
