using PolicyEngine.Validation;

namespace Governance.Cli.Validation;

/// <summary>What the command line says about how plain policy files are read.</summary>
/// <param name="Kind">The kind given with <c>--kind</c>; null to take it from the folder (SCP, RCP) or identity.</param>
/// <param name="Container">The size quota of identity policies and boundaries (<c>--container</c>).</param>
internal sealed record ValidationSettings(PolicyKind? Kind, PolicyContainer Container);
