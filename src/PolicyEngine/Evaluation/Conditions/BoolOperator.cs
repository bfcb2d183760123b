using System.Collections.Immutable;
using PolicyEngine.Evaluation.Variables;
using PolicyEngine.Matching;
using PolicyEngine.Model;

namespace PolicyEngine.Evaluation.Conditions;

/// <summary>
/// Bool (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_Boolean).
/// </summary>
/// <remarks>
/// Policy and request values are <c>true</c> or <c>false</c>, compared without case. A policy value outside
/// <see cref="TryParse"/>'s grammar makes the clause never match; a request value that is neither matches nothing.
/// </remarks>
internal static class BoolOperator
{
    /// <summary>Compiles the policy values; null when one is not a boolean.</summary>
    public static ValueMatcher? Create(ImmutableArray<LocatedString> values, bool policyVariables)
    {
        bool acceptsTrue = false, acceptsFalse = false;
        List<PatternTemplate>? templates = null;
        foreach (var text in values)
        {
            if (!TryParse(text.Value, policyVariables, out var value))
            {
                return null;
            }
            if (value.Template is { } template)
            {
                (templates ??= []).Add(template);
            }
            else
            {
                acceptsTrue |= value.Constant;
                acceptsFalse |= !value.Constant;
            }
        }
        return new Matcher(acceptsTrue, acceptsFalse, templates?.ToArray() ?? []);
    }

    /// <summary>Reads a Bool policy value: <c>true</c> or <c>false</c> in any case, or a template that can become one.</summary>
    /// <param name="text">The value as written.</param>
    /// <param name="policyVariables">True when the document's Version is <c>2012-10-17</c>, so <c>${...}</c> is substituted.</param>
    /// <param name="value">The constant, or the template to substitute per request.</param>
    /// <remarks>
    /// <para>AWS: Boolean conditions compare a key to <c>true</c> or <c>false</c>, and "You can use a policy variable with
    /// the Boolean condition operator" (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_Boolean;
    /// the policy-variables page lists Boolean among the operators that take none, and the operator's own page is followed).
    /// A value with variables is read when some substitution makes it <c>true</c> or <c>false</c>: <c>${aws:x}</c> is,
    /// <c>yes${aws:x}</c> is not.</para>
    /// <para>The page does not say whether case matters; values compare without case, as they always have here.
    /// Anything else (<c>yes</c>, <c>1</c>, <c> true</c>) is no boolean.</para>
    /// </remarks>
    public static bool TryParse(string text, bool policyVariables, out BoolValue value)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (TryReadLiteral(text, out var constant))
        {
            value = new BoolValue(constant, null);
            return true;
        }
        value = default;
        var template = PatternTemplate.Compile(text, policyVariables, wildcards: false);
        if (!template.HasVariables || !(CanBecome(template, "true") || CanBecome(template, "false")))
        {
            return false;
        }
        value = new BoolValue(false, template);
        return true;
    }

    private static bool TryReadLiteral(ReadOnlySpan<char> text, out bool value)
    {
        value = text.Equals("true", StringComparison.OrdinalIgnoreCase);
        return value || text.Equals("false", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Whether some request values for the template's variables make it read <paramref name="target"/>.</summary>
    /// <remarks>A variable can stand for any text, so it is a <c>*</c> over a template whose own text is literal.</remarks>
    private static bool CanBecome(PatternTemplate template, string target)
    {
        var pattern = new List<char>();
        var wild = new List<bool>();
        foreach (var segment in template.Segments)
        {
            if (segment.Kind == TemplateSegmentKind.Variable)
            {
                pattern.Add('*');
                wild.Add(true);
                continue;
            }
            foreach (var c in segment.Text)
            {
                pattern.Add(c);
                wild.Add(false);
            }
        }
        return Wildcard.IsMatch(pattern.ToArray(), wild.ToArray(), target, WildcardOptions.IgnoreCase);
    }

    private sealed class Matcher(bool acceptsTrue, bool acceptsFalse, PatternTemplate[] templates) : ValueMatcher
    {
        public override ValueMatch Match(string requestValue, RequestContext context, ref string? missingVariableKey)
        {
            if (!TryReadLiteral(requestValue, out var request))
            {
                return ValueMatch.Undecidable;
            }
            if (request ? acceptsTrue : acceptsFalse)
            {
                return ValueMatch.Match;
            }
            return templates.Length == 0
                ? ValueMatch.NoMatch
                : StringOperators.MatchAny(templates, request ? "true" : "false", context, ignoreCase: true, ref missingVariableKey);
        }
    }
}
