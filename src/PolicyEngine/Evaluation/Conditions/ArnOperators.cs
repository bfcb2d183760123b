using System.Collections.Immutable;
using PolicyEngine.Evaluation.Variables;
using PolicyEngine.Model;

namespace PolicyEngine.Evaluation.Conditions;

/// <summary>
/// ArnEquals, ArnLike, ArnNotEquals and ArnNotLike
/// (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_ARN).
/// </summary>
/// <remarks>
/// <para>ArnEquals and ArnLike are the same operator: both take <c>*</c> and <c>?</c>. The ARN is compared component by
/// component over its six colon-separated parts (<c>arn:partition:service:region:account-id:resource</c>), so a
/// wildcard never crosses a colon except within the resource, which takes the rest of the string, colons included.
/// Comparison is case-sensitive.</para>
/// <para>A policy value with fewer than six parts (such as <c>*</c> or a lone <c>${aws:PrincipalArn}</c>) is matched
/// against the whole request value. Policy variables are substituted within their component under Version
/// <c>2012-10-17</c>; a policy value whose variable has no value matches no ARN, so ArnNotEquals and ArnNotLike hold
/// against it (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html#policy-vars-no-value).
/// A request value with fewer than six parts is not an ARN: the clause is undecidable for it.</para>
/// </remarks>
internal static class ArnOperators
{
    private const int Components = 6;

    /// <summary>Compiles the policy ARNs; never fails (a value that is not an ARN is a whole-string pattern).</summary>
    public static ValueMatcher Create(ImmutableArray<LocatedString> values, bool policyVariables)
    {
        var patterns = new ArnPattern[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            TryParse(values[i].Value, policyVariables, out patterns[i]);
        }
        return new Matcher(patterns);
    }

    /// <summary>Reads an ARN policy value into a pattern; every string is one.</summary>
    /// <param name="text">The value as written.</param>
    /// <param name="policyVariables">True when the document's Version is <c>2012-10-17</c>, so <c>${...}</c> is substituted.</param>
    /// <param name="pattern">Six component patterns, or one whole-string pattern for a value with fewer than six parts.</param>
    /// <returns>Always true: ARN operators compare "a key to an ARN", "The ARN is considered a string", and "You can use a
    /// policy variable with the ARN condition operator"
    /// (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_ARN).
    /// A value without variables matches at least the request value equal to it.</returns>
    public static bool TryParse(string text, bool policyVariables, out ArnPattern pattern)
    {
        pattern = ArnPattern.Compile(text, policyVariables);
        return true;
    }

    /// <summary>Splits <paramref name="text"/> into six ARN parts; false when it has fewer than five colons.</summary>
    public static bool TrySplit(ReadOnlySpan<char> text, Span<Range> parts)
    {
        var start = 0;
        for (var i = 0; i < Components - 1; i++)
        {
            var colon = text[start..].IndexOf(':');
            if (colon < 0)
            {
                return false;
            }
            parts[i] = new Range(start, start + colon);
            start += colon + 1;
        }
        parts[Components - 1] = new Range(start, text.Length);
        return true;
    }

    /// <summary>One policy ARN: six component templates, or one whole-string template.</summary>
    internal sealed class ArnPattern
    {
        private readonly PatternTemplate[]? _components;
        private readonly PatternTemplate _whole;

        private ArnPattern(PatternTemplate whole, PatternTemplate[]? components) => (_whole, _components) = (whole, components);

        public static ArnPattern Compile(string text, bool policyVariables)
        {
            var whole = PatternTemplate.Compile(text, policyVariables);
            Span<Range> parts = stackalloc Range[Components];
            if (!TrySplitOutsideVariables(text, parts, policyVariables))
            {
                return new ArnPattern(whole, null);
            }
            var components = new PatternTemplate[Components];
            for (var i = 0; i < Components; i++)
            {
                components[i] = PatternTemplate.Compile(text[parts[i]], policyVariables);
            }
            return new ArnPattern(whole, components);
        }

        public ValueMatch Match(string requestValue, ReadOnlySpan<Range> requestParts, bool requestIsArn, RequestContext context, ref string? missingVariableKey)
        {
            if (_components is null)
            {
                if (_whole.IsMatch(requestValue, context, ignoreCase: false, out var missingWhole))
                {
                    return ValueMatch.Match;
                }
                missingVariableKey ??= missingWhole;
                return ValueMatch.NoMatch;
            }
            if (!requestIsArn)
            {
                return ValueMatch.Undecidable;
            }
            for (var i = 0; i < Components; i++)
            {
                if (!_components[i].IsMatch(requestValue.AsSpan()[requestParts[i]], context, ignoreCase: false, out var missing))
                {
                    // A component whose variable has no value matches nothing (see StringOperators.MatchAny).
                    missingVariableKey ??= missing;
                    return ValueMatch.NoMatch;
                }
            }
            return ValueMatch.Match;
        }

        /// <summary>Like <see cref="TrySplit"/>, but a colon inside <c>${...}</c> (as in <c>${aws:username}</c>) does not split.</summary>
        private static bool TrySplitOutsideVariables(string text, Span<Range> parts, bool policyVariables)
        {
            var start = 0;
            var found = 0;
            for (var i = 0; i < text.Length && found < Components - 1; i++)
            {
                if (policyVariables && text[i] == '$' && i + 1 < text.Length && text[i + 1] == '{')
                {
                    var close = text.IndexOf('}', i + 2);
                    if (close > 0)
                    {
                        i = close;
                        continue;
                    }
                }
                if (text[i] == ':')
                {
                    parts[found++] = new Range(start, i);
                    start = i + 1;
                }
            }
            if (found < Components - 1)
            {
                return false;
            }
            parts[Components - 1] = new Range(start, text.Length);
            return true;
        }
    }

    private sealed class Matcher(ArnPattern[] patterns) : ValueMatcher
    {
        public override ValueMatch Match(string requestValue, RequestContext context, ref string? missingVariableKey)
        {
            Span<Range> parts = stackalloc Range[Components];
            var isArn = TrySplit(requestValue, parts);
            var result = ValueMatch.NoMatch;
            foreach (var pattern in patterns)
            {
                var one = pattern.Match(requestValue, parts, isArn, context, ref missingVariableKey);
                if (one == ValueMatch.Match)
                {
                    return ValueMatch.Match;
                }
                if (one == ValueMatch.Undecidable)
                {
                    result = ValueMatch.Undecidable;
                }
            }
            return result;
        }
    }
}
