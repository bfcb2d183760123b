using System.Collections.Immutable;
using Governance.Core.Accounts;

namespace Governance.Core.Risk;

/// <summary>The risk analysis of one principal: what it may do and the risks in it.</summary>
/// <param name="Arn">Its ARN.</param>
/// <param name="Name">Its user or role name.</param>
/// <param name="Kind">User or role.</param>
/// <param name="AccountId">Its account.</param>
/// <param name="Access">Its effective access, counted.</param>
/// <param name="Findings">Its findings, most severe first.</param>
public sealed record PrincipalRisks(string Arn, string Name, PrincipalKind Kind, string AccountId, AccessSummary Access, ImmutableArray<Finding> Findings)
{
    /// <summary>True when it has a finding of <paramref name="category"/>.</summary>
    public bool Has(FindingCategory category) => Findings.Any(f => f.Category == category);
}
