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
        var templates = values.Select(v => PatternTemplate.Compile(v.Value, policyVariables, wildcards: like)).ToArray();
        if (!like && templates.Length > SetThreshold && !templates.Any(static t => t.HasVariables))
        {
            var comparer = ignoreCase ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal;
            return new SetMatcher(templates.Select(static t => t.Text).ToFrozenSet(comparer));
        }
        return new TemplateMatcher(templates, ignoreCase);
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

    /// <summary>OR over templates; an unresolved variable makes a non-match undecidable.</summary>
    internal static ValueMatch MatchAny(
        PatternTemplate[] templates, ReadOnlySpan<char> requestValue, RequestContext context, bool ignoreCase, ref string? missingVariableKey)
    {
        var unresolved = false;
        foreach (var template in templates)
        {
            if (template.IsMatch(requestValue, context, ignoreCase, out var missing))
            {
                return ValueMatch.Match;
            }
            if (missing is not null)
            {
                unresolved = true;
                missingVariableKey ??= missing;
            }
        }
        return unresolved ? ValueMatch.Undecidable : ValueMatch.NoMatch;
    }
}
