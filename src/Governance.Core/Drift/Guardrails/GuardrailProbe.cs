using PolicyEngine.Evaluation;

namespace Governance.Core.Drift.Guardrails;

/// <summary>One set of condition-key values a guardrail's requests are decided under, and how a sentence names it.</summary>
/// <param name="Context">The keys it sets; keys it leaves out are decided as the request's to give.</param>
/// <param name="Description">Such as <c>`aws:RequestedRegion` = `us-east-1`</c>; empty when it sets no key.</param>
internal sealed record GuardrailProbe(RequestContext Context, string Description);
