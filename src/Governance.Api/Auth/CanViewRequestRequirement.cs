using Microsoft.AspNetCore.Authorization;

namespace Governance.Api.Auth;

/// <summary>The caller may see the request: it is theirs, or they are an approver or admin.</summary>
internal sealed class CanViewRequestRequirement : IAuthorizationRequirement
{
    public static CanViewRequestRequirement Instance { get; } = new();
}
