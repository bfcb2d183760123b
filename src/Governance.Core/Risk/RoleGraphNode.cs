using System.Collections.Immutable;
using Governance.Core.Accounts;

namespace Governance.Core.Risk;

/// <summary>A principal in the <see cref="RoleGraph"/>.</summary>
/// <param name="Arn">Its ARN.</param>
/// <param name="AccountId">Its account.</param>
/// <param name="Kind">User or role.</param>
/// <param name="Administrator">An IAM administrator: reaching it is reaching every permission.</param>
/// <param name="Escalations">The ids of the catalogue's escalation paths it can take itself (<see cref="EscalationCatalog"/>).</param>
public sealed record RoleGraphNode(string Arn, string AccountId, PrincipalKind Kind, bool Administrator, ImmutableArray<string> Escalations);
