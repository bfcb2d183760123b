using System.Text.Json.Nodes;

namespace Governance.Core.Infrastructure.Aws.Organizations;

/// <summary>What the organisation's own APIs say: <c>organization.json</c>'s content, and the accounts to read.</summary>
/// <param name="Document"><c>organization.json</c>: <c>Organization</c>, <c>Roots</c>, <c>OrganizationalUnits</c>, <c>Accounts</c>, <c>Policies</c>.</param>
/// <param name="ManagementAccountId">The management account, read with the caller's own credentials.</param>
/// <param name="Accounts">Every account, in the order listed.</param>
public sealed record OrganizationStructure(JsonObject Document, string ManagementAccountId, IReadOnlyList<OrganizationMember> Accounts);
