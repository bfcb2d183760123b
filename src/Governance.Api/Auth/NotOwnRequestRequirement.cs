using Microsoft.AspNetCore.Authorization;

namespace Governance.Api.Auth;

/// <summary>The caller is not the request's requester: a requester never decides their own request.</summary>
internal sealed class NotOwnRequestRequirement : IAuthorizationRequirement
{
    public static NotOwnRequestRequirement Instance { get; } = new();
}
