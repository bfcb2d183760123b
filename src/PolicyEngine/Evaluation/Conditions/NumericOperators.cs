using System.Collections.Immutable;
using PolicyEngine.Model;

namespace PolicyEngine.Evaluation.Conditions;

/// <summary>
/// NumericEquals, NumericNotEquals, NumericLessThan, NumericLessThanEquals, NumericGreaterThan and NumericGreaterThanEquals
/// (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_Numeric).
/// </summary>
/// <remarks>
/// Values are compared exactly as <see cref="NumericValue"/>. A policy value outside <see cref="TryParse"/>'s grammar
/// makes the clause never match; a request value outside it makes it undecidable (neither the operator nor its negation holds).
/// </remarks>
internal static class NumericOperators
{
    /// <summary>Compiles the policy values; null when one is not a number.</summary>
    public static ValueMatcher? Create(ConditionOperatorKind kind, ImmutableArray<LocatedString> values)
        => OrderedValues.Create<NumericValue>(kind switch
        {
            ConditionOperatorKind.NumericLessThan => ValueOrdering.LessThan,
            ConditionOperatorKind.NumericLessThanEquals => ValueOrdering.LessThanEquals,
            ConditionOperatorKind.NumericGreaterThan => ValueOrdering.GreaterThan,
            ConditionOperatorKind.NumericGreaterThanEquals => ValueOrdering.GreaterThanEquals,
            _ => ValueOrdering.Equal, // NumericEquals, and NumericNotEquals before negation
        }, values, TryParse);

    /// <summary>
    /// Reads a Numeric value, policy or request: an optional sign, then ASCII digits with at most one decimal point and
    /// at least one digit (<c>10</c>, <c>-2.5</c>, <c>+3</c>, <c>007</c>, <c>5.</c>, <c>.5</c>).
    /// </summary>
    /// <remarks>
    /// AWS documents Numeric operators as comparing "a key to an integer or decimal value"
    /// (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_Numeric),
    /// so an exponent (<c>1e3</c>), spaces, thousands separators, <c>NaN</c>, <c>Infinity</c> and non-ASCII digits are
    /// not numbers. The page also says a policy variable cannot be used with Numeric operators: <c>${...}</c> is
    /// literal text, so no number. The page is silent on signs, leading zeros and a bare leading or trailing point;
    /// they are read as ordinary decimal notation.
    /// </remarks>
    public static bool TryParse(string text, out NumericValue value)
    {
        ArgumentNullException.ThrowIfNull(text);
        value = default;
        var i = 0;
        var negative = false;
        if (i < text.Length && text[i] is '+' or '-')
        {
            negative = text[i] == '-';
            i++;
        }
        var integerStart = i;
        while (i < text.Length && char.IsAsciiDigit(text[i]))
        {
            i++;
        }
        var integerEnd = i;
        var fractionStart = i;
        if (i < text.Length && text[i] == '.')
        {
            fractionStart = ++i;
            while (i < text.Length && char.IsAsciiDigit(text[i]))
            {
                i++;
            }
        }
        var fractionEnd = i;
        if (i != text.Length || (integerEnd == integerStart && fractionEnd == fractionStart))
        {
            return false;
        }
        while (integerStart < integerEnd && text[integerStart] == '0')
        {
            integerStart++;
        }
        while (fractionEnd > fractionStart && text[fractionEnd - 1] == '0')
        {
            fractionEnd--;
        }
        value = new NumericValue(text, negative, integerStart, integerEnd - integerStart, fractionStart, fractionEnd - fractionStart);
        return true;
    }
}
