using System.Collections.Immutable;
using Governance.Core.Drift.Guardrails;
using Governance.Core.Workflow.Grants;

namespace Governance.Core.Drift;

/// <summary>What the account should hold: the roles kept as code, and the grants the service knows of; and what the organisation should.</summary>
/// <param name="Roles">The roles from <c>policies/roles/</c>.</param>
/// <param name="Grants">Grants in any status: active ones must be present, ended ones must be gone.</param>
public sealed record DesiredState(ImmutableArray<RoleDefinition> Roles, ImmutableArray<Grant> Grants)
{
    /// <summary>
    /// The SCPs and RCPs from <c>policies/guardrails/</c>, compared when an audit is given the organisation; null when
    /// guardrails are not kept as code, so that none is compared (an empty folder, by contrast, says the organisation should have none).
    /// </summary>
    public ImmutableArray<GuardrailDefinition>? Guardrails { get; init; }
}
