using PolicyEngine.Analysis;

namespace Governance.Core.Risk;

/// <summary>One request an outside caller may make to a resource, as the engine decided it.</summary>
/// <param name="Caller">Who.</param>
/// <param name="Check">The action, resource, verdict, the keys it needs and the statements that grant it.</param>
internal sealed record ProbeHit(OutsideCaller Caller, AccessCheck Check);
