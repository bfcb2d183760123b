namespace Governance.Core.Accounts.Organization;

/// <summary>The organisation itself, as <c>aws organizations describe-organization</c> prints it.</summary>
/// <param name="Id">Its id, <c>o-</c> followed by 10 to 32 lower-case letters or digits.</param>
/// <param name="Arn">Its ARN, <c>arn:aws:organizations::MANAGEMENT:organization/o-…</c>.</param>
/// <param name="ManagementAccountId">The management account (<c>MasterAccountId</c>), which SCPs and RCPs do not affect.</param>
public sealed record OrganizationInfo(string Id, string Arn, string ManagementAccountId);
