namespace Governance.Core.Infrastructure.Aws.Iam;

/// <summary>What <c>GetRole</c> tells about a role that the product uses.</summary>
/// <param name="RoleName">The role's name.</param>
/// <param name="Arn">The role's ARN.</param>
/// <param name="RoleId">The role's unique id.</param>
/// <param name="Path">The role's path.</param>
public sealed record IamRoleSummary(string RoleName, string Arn, string RoleId, string Path);
