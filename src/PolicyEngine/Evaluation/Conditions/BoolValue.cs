using PolicyEngine.Evaluation.Variables;

namespace PolicyEngine.Evaluation.Conditions;

/// <summary>A Bool policy value as read: a constant, or a template whose policy variables are substituted per request.</summary>
/// <param name="Constant">The value when <paramref name="Template"/> is null.</param>
/// <param name="Template">The value with its variables; it holds when its substitution is the request's boolean, without case.</param>
internal readonly record struct BoolValue(bool Constant, PatternTemplate? Template);
