namespace Governance.Core.Workflow.Requests;

/// <summary>A submission as the requester sent it; every field may be missing and is checked by the service.</summary>
/// <param name="PermissionSet">The set's name.</param>
/// <param name="Resources">The resources to grant it on.</param>
/// <param name="TargetRole">The role to receive it: a name, <c>role/NAME</c> or an ARN.</param>
/// <param name="Justification">Why.</param>
/// <param name="DurationHours">For how long.</param>
public sealed record CreateAccessRequestCommand(
    string? PermissionSet, IReadOnlyList<string?>? Resources, string? TargetRole, string? Justification, int? DurationHours);
