using System.Collections.Immutable;
using PolicyEngine.Model;

namespace PolicyEngine.Evaluation.Conditions;

/// <summary>
/// Bool (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_Boolean).
/// </summary>
/// <remarks>
/// Policy and request values are <c>true</c> or <c>false</c>, compared without case. A policy value that is neither makes
/// the clause never match; a request value that is neither matches nothing.
/// </remarks>
internal static class BoolOperator
{
    /// <summary>Compiles the policy values; null when one is not a boolean.</summary>
    public static ValueMatcher? Create(ImmutableArray<LocatedString> values)
    {
        bool acceptsTrue = false, acceptsFalse = false;
        foreach (var value in values)
        {
            if (!TryParse(value.Value, out var b))
            {
                return null;
            }
            acceptsTrue |= b;
            acceptsFalse |= !b;
        }
        return new Matcher(acceptsTrue, acceptsFalse);
    }

    /// <summary>Reads <c>true</c> or <c>false</c> in any case.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out bool value)
    {
        if (text.Equals("true", StringComparison.OrdinalIgnoreCase))
        {
            value = true;
            return true;
        }
        value = false;
        return text.Equals("false", StringComparison.OrdinalIgnoreCase);
    }

    private sealed class Matcher(bool acceptsTrue, bool acceptsFalse) : ValueMatcher
    {
        public override ValueMatch Match(string requestValue, RequestContext context, ref string? missingVariableKey)
        {
            if (!TryParse(requestValue, out var request))
            {
                return ValueMatch.Undecidable;
            }
            return (request ? acceptsTrue : acceptsFalse) ? ValueMatch.Match : ValueMatch.NoMatch;
        }
    }
}
