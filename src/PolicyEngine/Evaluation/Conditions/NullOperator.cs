using System.Collections.Immutable;
using PolicyEngine.Model;

namespace PolicyEngine.Evaluation.Conditions;

/// <summary>
/// Null (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_Null):
/// <c>true</c> holds when the key is absent, <c>false</c> when it is present.
/// </summary>
/// <remarks>
/// A key present with an empty list counts as null: AWS pairs <c>Null: false</c> with <c>ForAllValues</c> precisely to stop
/// "missing context keys or context keys with empty values" from evaluating to true
/// (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition_examples-multi-valued-context-keys.html).
/// Values compare without case, like Bool's. Set qualifiers and policy variables do not apply.
/// </remarks>
internal static class NullOperator
{
    /// <summary>Which key states the clause accepts; false from <see cref="TryCreate"/> when a value is not a boolean.</summary>
    public static bool TryCreate(ImmutableArray<LocatedString> values, out bool acceptsAbsent, out bool acceptsPresent)
    {
        acceptsAbsent = acceptsPresent = false;
        foreach (var value in values)
        {
            if (!BoolOperator.TryParse(value.Value, out var isNull))
            {
                return false;
            }
            acceptsAbsent |= isNull;
            acceptsPresent |= !isNull;
        }
        return true;
    }

    /// <summary>Whether the clause holds given whether the key has at least one value.</summary>
    public static bool Matches(bool hasValue, bool acceptsAbsent, bool acceptsPresent) => hasValue ? acceptsPresent : acceptsAbsent;
}
