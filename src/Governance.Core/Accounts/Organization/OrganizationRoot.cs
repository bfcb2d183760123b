namespace Governance.Core.Accounts.Organization;

/// <summary>The root of the organisation's hierarchy, as <c>aws organizations list-roots</c> prints it.</summary>
/// <param name="Id">Its id, <c>r-</c> followed by 4 to 32 lower-case letters or digits.</param>
/// <param name="Arn">Its ARN.</param>
/// <param name="Name">Its name, usually <c>Root</c>.</param>
public sealed record OrganizationRoot(string Id, string Arn, string Name);
