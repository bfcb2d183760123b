namespace Governance.Core.Drift.Guardrails;

/// <summary>One request a guardrail decides differently in the organisation than in code.</summary>
/// <param name="Weakens">True when the organisation's version lets through what code's stops: the security-relevant direction.</param>
/// <param name="Decisive">True when one version allows and the other denies; false when one only makes it depend on the request.</param>
/// <param name="Change">What changed, as a sentence says it: <c>no longer denied</c>, <c>now allowed</c>, ...</param>
/// <param name="Action">The action.</param>
/// <param name="Resource">The resource pattern it was decided on.</param>
/// <param name="Probe">The index of the <see cref="GuardrailProbe"/> (condition-key values) it was decided under.</param>
internal sealed record GuardrailDecisionChange(bool Weakens, bool Decisive, string Change, string Action, string Resource, int Probe);
