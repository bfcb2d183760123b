using System.Collections.Immutable;
using System.Globalization;
using PolicyEngine.Model;

namespace PolicyEngine.Evaluation.Conditions;

/// <summary>
/// NumericEquals, NumericNotEquals, NumericLessThan, NumericLessThanEquals, NumericGreaterThan and NumericGreaterThanEquals
/// (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_Numeric).
/// </summary>
/// <remarks>
/// Integers and decimals (an optional sign, digits, an optional decimal point), compared exactly as <see cref="decimal"/>.
/// A policy value that is not a number makes the clause never match; a request value that is not one makes it
/// undecidable (neither the operator nor its negation holds).
/// </remarks>
internal static class NumericOperators
{
    private const NumberStyles Style = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint;

    /// <summary>Compiles the policy values; null when one is not a number.</summary>
    public static ValueMatcher? Create(ConditionOperatorKind kind, ImmutableArray<LocatedString> values)
    {
        var numbers = new decimal[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            if (!TryParse(values[i].Value, out numbers[i]))
            {
                return null;
            }
        }
        return new Matcher(kind, numbers);
    }

    /// <summary>Reads an IAM number: optional sign, digits, optional decimal point; invariant culture, no spaces or exponent.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out decimal value)
        => decimal.TryParse(text, Style, CultureInfo.InvariantCulture, out value);

    private sealed class Matcher(ConditionOperatorKind kind, decimal[] numbers) : ValueMatcher
    {
        public override ValueMatch Match(string requestValue, RequestContext context, ref string? missingVariableKey)
        {
            if (!TryParse(requestValue, out var request))
            {
                return ValueMatch.Undecidable;
            }
            foreach (var policy in numbers)
            {
                var holds = kind switch
                {
                    ConditionOperatorKind.NumericLessThan => request < policy,
                    ConditionOperatorKind.NumericLessThanEquals => request <= policy,
                    ConditionOperatorKind.NumericGreaterThan => request > policy,
                    ConditionOperatorKind.NumericGreaterThanEquals => request >= policy,
                    _ => request == policy, // NumericEquals, and NumericNotEquals before negation
                };
                if (holds)
                {
                    return ValueMatch.Match;
                }
            }
            return ValueMatch.NoMatch;
        }
    }
}
