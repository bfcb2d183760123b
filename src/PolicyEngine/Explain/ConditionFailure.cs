using System.Collections.Immutable;

namespace PolicyEngine.Explain;

/// <summary>The condition that kept a statement from applying.</summary>
/// <param name="Operator">The operator as written, such as <c>StringEquals</c>.</param>
/// <param name="Key">The condition key as written.</param>
/// <param name="PolicyValues">The policy's values for the key.</param>
/// <param name="RequestValues">The request's values for the key; empty when it lacks the key.</param>
/// <param name="KeyMissing">True when the request lacks the key.</param>
public sealed record ConditionFailure(
    string Operator,
    string Key,
    ImmutableArray<string> PolicyValues,
    ImmutableArray<string> RequestValues,
    bool KeyMissing);
