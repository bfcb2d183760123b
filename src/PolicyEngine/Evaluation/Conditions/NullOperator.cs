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
/// Set qualifiers do not apply.
/// </remarks>
internal static class NullOperator
{
    /// <summary>Which key states the clause accepts; false from <see cref="TryCreate"/> when a value is not a boolean.</summary>
    public static bool TryCreate(ImmutableArray<LocatedString> values, out bool acceptsAbsent, out bool acceptsPresent)
    {
        acceptsAbsent = acceptsPresent = false;
        foreach (var value in values)
        {
            if (!TryParse(value.Value, out var isNull))
            {
                return false;
            }
            acceptsAbsent |= isNull;
            acceptsPresent |= !isNull;
        }
        return true;
    }

    /// <summary>Reads a Null value: <c>true</c> (the key is absent) or <c>false</c> (it is present), in any case.</summary>
    /// <remarks>
    /// AWS: "use either true (the key doesn't exist — it is null) or false (the key exists and its value is not null)",
    /// and "You can not use a policy variable with the Null condition operator"
    /// (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_Null).
    /// So this is Bool's grammar without variables; case is ignored as for Bool.
    /// </remarks>
    public static bool TryParse(string text, out bool isNull)
    {
        var read = BoolOperator.TryParse(text, policyVariables: false, out var value);
        isNull = value.Constant;
        return read;
    }

    /// <summary>Whether the clause holds given whether the key has at least one value.</summary>
    public static bool Matches(bool hasValue, bool acceptsAbsent, bool acceptsPresent) => hasValue ? acceptsPresent : acceptsAbsent;
}
