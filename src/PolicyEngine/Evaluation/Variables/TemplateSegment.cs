namespace PolicyEngine.Evaluation.Variables;

/// <summary>One piece of a <see cref="PatternTemplate"/>.</summary>
/// <param name="Kind">Literal text, a special character or a variable.</param>
/// <param name="Text">The literal text or special character; for a variable, the key.</param>
/// <param name="Default">For a variable, the value to use when the request lacks the key; null when none was given.</param>
internal readonly record struct TemplateSegment(TemplateSegmentKind Kind, string Text, string? Default)
{
    /// <summary>The value this segment stands for in <paramref name="context"/>; false when a variable cannot be resolved.</summary>
    /// <remarks>
    /// A key with more than one value is not substituted: AWS allows only single-valued keys as policy variables
    /// (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-single-vs-multi-valued-context-keys.html).
    /// Such a key, or one present with no value, falls back to the default like an absent key.
    /// </remarks>
    public bool TryResolve(RequestContext context, out string value)
    {
        if (Kind != TemplateSegmentKind.Variable)
        {
            value = Text;
            return true;
        }
        if (context.TryGetValues(Text, out var values) && values.Length == 1)
        {
            value = values[0];
            return true;
        }
        value = Default ?? string.Empty;
        return Default is not null;
    }
}
