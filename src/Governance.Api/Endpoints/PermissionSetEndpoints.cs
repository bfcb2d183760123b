using Governance.Api.Auth;
using Governance.Api.Contracts;
using Governance.Core.Policies;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Governance.Api.Endpoints;

/// <summary><c>/v1/permission-sets</c>: what can be requested.</summary>
internal static class PermissionSetEndpoints
{
    public static RouteGroupBuilder MapPermissionSets(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/v1/permission-sets").WithTags("Permission sets").RequireAuthorization(AuthorizationPolicies.Member);
        group.MapGet("/", List).WithName("ListPermissionSets").WithSummary("List the permission sets that can be requested, by name");
        return group;
    }

    [ListOrder(ListOrders.PermissionSets)]
    public static Ok<IReadOnlyList<PermissionSetDto>> List(GovernancePolicies policies)
        => TypedResults.Ok<IReadOnlyList<PermissionSetDto>>(
            [.. policies.PermissionSets.All.Select(s => PermissionSetDto.From(s, policies.ApprovalRules.AutoApprovePermissionSets.Contains(s.Name)))]);
}
