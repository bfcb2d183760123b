namespace PolicyEngine.Model;

/// <summary>The outcome of <see cref="ConditionOperator.Parse"/>.</summary>
/// <param name="Operator">The operator, when the name is one.</param>
/// <param name="Error">Why it is not.</param>
/// <param name="Offending">The part of the name that is wrong.</param>
public sealed record ConditionOperatorParse(ConditionOperator? Operator, ConditionOperatorParseError Error, string? Offending);
