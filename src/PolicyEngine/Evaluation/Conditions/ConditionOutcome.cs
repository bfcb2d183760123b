namespace PolicyEngine.Evaluation.Conditions;

/// <summary>The result of one condition clause against one request.</summary>
/// <param name="Matched">Whether the clause holds.</param>
/// <param name="KeyMissing">The request lacks the clause's key (reported whatever the result, for <c>MissingContextValues</c>).</param>
/// <param name="MissingVariableKey">A <c>${...}</c> in a policy value whose key the request lacks and that has no default.</param>
internal readonly record struct ConditionOutcome(bool Matched, bool KeyMissing, string? MissingVariableKey);
