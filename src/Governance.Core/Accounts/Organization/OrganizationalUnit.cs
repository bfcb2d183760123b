namespace Governance.Core.Accounts.Organization;

/// <summary>An organisational unit (OU): a container of accounts and other OUs under the root.</summary>
/// <param name="Id">Its id, such as <c>ou-a1b2-f6g7h8i9</c>.</param>
/// <param name="Arn">Its ARN.</param>
/// <param name="Name">Its name, such as <c>Data</c>.</param>
/// <param name="ParentId">The root or OU it sits in.</param>
public sealed record OrganizationalUnit(string Id, string Arn, string Name, string ParentId);
