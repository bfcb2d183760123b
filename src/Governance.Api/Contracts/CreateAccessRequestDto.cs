namespace Governance.Api.Contracts;

/// <summary>The body of <c>POST /v1/access-requests</c>.</summary>
/// <param name="PermissionSet">The set's name, such as <c>lake-write</c>.</param>
/// <param name="Resources">ARNs within the set's allowed patterns.</param>
/// <param name="TargetRole">The role to receive the access: a name or an ARN.</param>
/// <param name="Justification">Why the access is needed.</param>
/// <param name="DurationHours">How long, at most the set's maximum.</param>
public sealed record CreateAccessRequestDto(string? PermissionSet, List<string?>? Resources, string? TargetRole, string? Justification, int? DurationHours);
