using System.Buffers;
using PolicyEngine.Matching;

namespace PolicyEngine.Evaluation.Variables;

/// <summary>
/// A policy pattern (a Resource ARN or a condition value) that may hold policy variables, compiled once.
/// </summary>
/// <remarks>
/// <para>Syntax (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html):
/// <c>${key}</c>, <c>${key, 'default'}</c> (whitespace around the comma allowed) and the specials <c>${*}</c>,
/// <c>${?}</c> and <c>${$}</c>. Variables are read only when the document's Version is <c>2012-10-17</c>;
/// otherwise, and for any malformed <c>${...}</c>, the text is literal.</para>
/// <para>Matching: literal pattern text keeps <c>*</c> and <c>?</c> as wildcards (when the template allows them);
/// substituted values and the specials match only themselves.</para>
/// <para>Thread-safe; <see cref="IsMatch"/> allocates nothing (patterns of up to 256 characters after substitution
/// use the stack, longer ones a pooled buffer).</para>
/// </remarks>
internal sealed class PatternTemplate
{
    private const int StackLimit = 256;

    private readonly TemplateSegment[] _segments;
    private readonly bool _wildcards;

    private PatternTemplate(string text, TemplateSegment[] segments, bool wildcards)
    {
        Text = text;
        _segments = segments;
        _wildcards = wildcards;
        HasVariables = segments.Length != 1 || segments[0].Kind != TemplateSegmentKind.Literal;
    }

    /// <summary>True when the pattern holds a <c>${...}</c> (a variable or a special), so matching needs more than a glob.</summary>
    public bool HasVariables { get; }

    /// <summary>The pattern as written.</summary>
    public string Text { get; }

    /// <summary>The pieces of the pattern, in order.</summary>
    internal ReadOnlySpan<TemplateSegment> Segments => _segments;

    /// <summary>Compiles a wildcard pattern (Resource, StringLike, ArnLike).</summary>
    /// <param name="pattern">The text as written; may hold <c>*</c>, <c>?</c> and <c>${...}</c>.</param>
    /// <param name="policyVariables">True for Version <c>2012-10-17</c>: read <c>${...}</c> as variables.</param>
    public static PatternTemplate Compile(string pattern, bool policyVariables) => Compile(pattern, policyVariables, wildcards: true);

    /// <summary>Compiles a pattern; with <paramref name="wildcards"/> false every character is literal (StringEquals).</summary>
    internal static PatternTemplate Compile(string pattern, bool policyVariables, bool wildcards)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        var segments = policyVariables ? Parse(pattern) : null;
        return new PatternTemplate(pattern, segments ?? [new TemplateSegment(TemplateSegmentKind.Literal, pattern, null)], wildcards);
    }

    /// <summary>
    /// Whether <paramref name="text"/> matches the pattern after substituting variables from <paramref name="context"/>.
    /// </summary>
    /// <param name="text">The request's value.</param>
    /// <param name="context">The request's keys, for variables.</param>
    /// <param name="ignoreCase">Whether letters compare without case.</param>
    /// <param name="missingKey">The first variable whose key the request lacks (and that has no default); null when none.</param>
    /// <returns>False when a variable cannot be resolved.</returns>
    public bool IsMatch(ReadOnlySpan<char> text, RequestContext context, bool ignoreCase, out string? missingKey)
    {
        missingKey = null;
        if (!HasVariables)
        {
            return _wildcards ? Wildcard.IsMatch(Text, text, ignoreCase) : Equal(Text, text, ignoreCase);
        }
        ArgumentNullException.ThrowIfNull(context);

        // Pass 1: resolve every variable, so a missing key is reported whatever the text, and size the pattern.
        var resolved = default(ResolvedValues);
        var length = 0;
        for (var i = 0; i < _segments.Length; i++)
        {
            if (!_segments[i].TryResolve(context, out var value))
            {
                missingKey = _segments[i].Text;
                return false;
            }
            if (i < ResolvedValues.Capacity)
            {
                resolved[i] = value;
            }
            length += value.Length;
        }
        return _wildcards
            ? MatchWildcard(text, context, in resolved, ignoreCase, length)
            : MatchLiteral(text, context, in resolved, ignoreCase, length);
    }

    private string Resolved(int index, RequestContext context, in ResolvedValues resolved)
    {
        if (index < ResolvedValues.Capacity)
        {
            return resolved[index];
        }
        _segments[index].TryResolve(context, out var value);
        return value;
    }

    private bool MatchLiteral(ReadOnlySpan<char> text, RequestContext context, in ResolvedValues resolved, bool ignoreCase, int length)
    {
        if (length != text.Length)
        {
            return false;
        }
        var position = 0;
        for (var i = 0; i < _segments.Length; i++)
        {
            var value = Resolved(i, context, in resolved);
            if (!Equal(value, text.Slice(position, value.Length), ignoreCase))
            {
                return false;
            }
            position += value.Length;
        }
        return true;
    }

    private bool MatchWildcard(ReadOnlySpan<char> text, RequestContext context, in ResolvedValues resolved, bool ignoreCase, int length)
    {
        char[]? rentedChars = null;
        bool[]? rentedMask = null;
        Span<char> chars = length <= StackLimit ? stackalloc char[StackLimit] : (rentedChars = ArrayPool<char>.Shared.Rent(length));
        Span<bool> wild = length <= StackLimit ? stackalloc bool[StackLimit] : (rentedMask = ArrayPool<bool>.Shared.Rent(length));
        try
        {
            var position = 0;
            for (var i = 0; i < _segments.Length; i++)
            {
                var value = Resolved(i, context, in resolved);
                value.AsSpan().CopyTo(chars[position..]);
                wild.Slice(position, value.Length).Fill(_segments[i].Kind == TemplateSegmentKind.Literal);
                position += value.Length;
            }
            return Wildcard.IsMatch(chars[..length], wild[..length], text, ignoreCase ? WildcardOptions.IgnoreCase : WildcardOptions.None);
        }
        finally
        {
            if (rentedChars is not null)
            {
                ArrayPool<char>.Shared.Return(rentedChars);
            }
            if (rentedMask is not null)
            {
                ArrayPool<bool>.Shared.Return(rentedMask);
            }
        }
    }

    private static bool Equal(ReadOnlySpan<char> a, ReadOnlySpan<char> b, bool ignoreCase)
        => a.Equals(b, ignoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);

    /// <summary>Splits <paramref name="pattern"/> into segments; null when it holds no well-formed <c>${...}</c>.</summary>
    private static TemplateSegment[]? Parse(string pattern)
    {
        List<TemplateSegment>? segments = null;
        var literalStart = 0;
        var i = 0;
        while ((i = pattern.IndexOf("${", i, StringComparison.Ordinal)) >= 0)
        {
            var close = pattern.IndexOf('}', i + 2);
            if (close < 0)
            {
                break;
            }
            if (!TryParseVariable(pattern.AsSpan(i + 2, close - i - 2), out var segment))
            {
                // Malformed: keep "${" as literal text and look further on.
                i += 2;
                continue;
            }
            segments ??= [];
            if (i > literalStart)
            {
                segments.Add(new TemplateSegment(TemplateSegmentKind.Literal, pattern[literalStart..i], null));
            }
            segments.Add(segment);
            i = literalStart = close + 1;
        }
        if (segments is null)
        {
            return null;
        }
        if (literalStart < pattern.Length)
        {
            segments.Add(new TemplateSegment(TemplateSegmentKind.Literal, pattern[literalStart..], null));
        }
        return [.. segments];
    }

    private static bool TryParseVariable(ReadOnlySpan<char> body, out TemplateSegment segment)
    {
        segment = default;
        if (body is "*" or "?" or "$")
        {
            segment = new TemplateSegment(TemplateSegmentKind.Special, body.ToString(), null);
            return true;
        }
        var comma = body.IndexOf(',');
        var key = (comma < 0 ? body : body[..comma]).Trim();
        if (key.IsEmpty || key.ContainsAny("${ '"))
        {
            return false;
        }
        string? defaultValue = null;
        if (comma >= 0)
        {
            // The default is a single-quoted string: ${aws:username, 'none'}.
            var rest = body[(comma + 1)..].Trim();
            if (rest.Length < 2 || rest[0] != '\'' || rest[^1] != '\'' || rest[1..^1].Contains('\''))
            {
                return false;
            }
            defaultValue = rest[1..^1].ToString();
        }
        segment = new TemplateSegment(TemplateSegmentKind.Variable, key.ToString(), defaultValue);
        return true;
    }
}
