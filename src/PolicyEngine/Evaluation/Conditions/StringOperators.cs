using System.Collections.Frozen;
using System.Collections.Immutable;
using PolicyEngine.Evaluation.Variables;
using PolicyEngine.Model;

namespace PolicyEngine.Evaluation.Conditions;

/// <summary>
/// StringEquals, StringNotEquals, StringEqualsIgnoreCase, StringNotEqualsIgnoreCase, StringLike and StringNotLike
/// (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_String).
/// </summary>
/// <remarks>
/// Equals forms compare exactly (<c>*</c> is a plain character); Like forms treat <c>*</c> and <c>?</c> as wildcards,
/// case-sensitively. Policy values may hold policy variables under Version <c>2012-10-17</c>. The negated forms are
/// produced by <see cref="CompiledCondition"/> from the positive match.
/// </remarks>
internal static class StringOperators
{
    /// <summary>Beyond this many plain values an exact match uses a hash set rather than a scan.</summary>
    private const int SetThreshold = 8;

    /// <summary>Compiles the policy values of a string operator; never fails (every string is a valid value).</summary>
    public static ValueMatcher Create(ConditionOperatorKind kind, ImmutableArray<LocatedString> values, bool policyVariables)
    {
        var like = kind is ConditionOperatorKind.StringLike or ConditionOperatorKind.StringNotLike;
        var ignoreCase = kind is ConditionOperatorKind.StringEqualsIgnoreCase or ConditionOperatorKind.StringNotEqualsIgnoreCase;
        var templates = new PatternTemplate[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            TryParse(values[i].Value, policyVariables, like, out templates[i]);
        }
        if (!like && templates.Length > SetThreshold && !templates.Any(static t => t.HasVariables))
        {
            var comparer = ignoreCase ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal;
            return new SetMatcher(templates.Select(static t => t.Text).ToFrozenSet(comparer));
        }
        return new TemplateMatcher(templates, ignoreCase);
    }

    /// <summary>Reads a String policy value into a template: exact (Equals) or a glob (Like); every string is one.</summary>
    /// <param name="text">The value as written.</param>
    /// <param name="policyVariables">True when the document's Version is <c>2012-10-17</c>, so <c>${...}</c> is substituted.</param>
    /// <param name="wildcards">True for StringLike and StringNotLike, whose <c>*</c> and <c>?</c> are wildcards.</param>
    /// <param name="template">The compiled value.</param>
    /// <returns>Always true: String operators compare "a key to a string value", and "You can use a policy variable with
    /// the String condition operator"
    /// (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_String).
    /// A value without variables matches at least the request value equal to it.</returns>
    public static bool TryParse(string text, bool policyVariables, bool wildcards, out PatternTemplate template)
    {
        template = PatternTemplate.Compile(text, policyVariables, wildcards);
        return true;
    }

    /// <summary>Each policy value is a template: exact (Equals) or a glob (Like).</summary>
    private sealed class TemplateMatcher(PatternTemplate[] templates, bool ignoreCase) : ValueMatcher
    {
        public override ValueMatch Match(string requestValue, RequestContext context, ref string? missingVariableKey)
            => MatchAny(templates, requestValue, context, ignoreCase, ref missingVariableKey);
    }

    /// <summary>Many plain values, exact match: one hash lookup.</summary>
    private sealed class SetMatcher(FrozenSet<string> values) : ValueMatcher
    {
        public override ValueMatch Match(string requestValue, RequestContext context, ref string? missingVariableKey)
            => values.Contains(requestValue) ? ValueMatch.Match : ValueMatch.NoMatch;
    }

    /// <summary>OR over templates; a template whose variable has no value matches nothing, and its key is reported.</summary>
    /// <remarks>
    /// AWS: a variable with no value "is effectively null. There is no equal or like value", and negated operators "do
    /// match against a null value" (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html#policy-vars-no-value).
    /// So such a template is a plain non-match, which <see cref="CompiledCondition"/> turns into a match for a negated operator.
    /// </remarks>
    internal static ValueMatch MatchAny(
        PatternTemplate[] templates, ReadOnlySpan<char> requestValue, RequestContext context, bool ignoreCase, ref string? missingVariableKey)
    {
        foreach (var template in templates)
        {
            if (template.IsMatch(requestValue, context, ignoreCase, out var missing))
            {
                return ValueMatch.Match;
            }
            missingVariableKey ??= missing;
        }
        return ValueMatch.NoMatch;
    }
}
