using Microsoft.AspNetCore.Authorization;

namespace Governance.Api.Auth;

/// <summary>The caller is the grant's requester: the <c>sub</c> of the request that produced it.</summary>
internal sealed class GrantRequesterRequirement : IAuthorizationRequirement
{
    public static GrantRequesterRequirement Instance { get; } = new();
}
