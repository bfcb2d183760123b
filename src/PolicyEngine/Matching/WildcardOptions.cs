namespace PolicyEngine.Matching;

/// <summary>How <see cref="Wildcard.IsMatch(ReadOnlySpan{char}, ReadOnlySpan{char}, WildcardOptions)"/> compares.</summary>
[Flags]
public enum WildcardOptions
{
    /// <summary>Case-sensitive, the text read literally: ARNs and most condition values.</summary>
    None = 0,

    /// <summary>Letters compare without case, by their invariant upper case: action names.</summary>
    IgnoreCase = 1,

    /// <summary>
    /// The text is itself a pattern, and a match means every string it stands for matches the pattern too: the
    /// text's <c>*</c> and <c>?</c> are characters that only a pattern <c>*</c> (or the same character) absorbs,
    /// and a pattern <c>?</c> never stands for a text <c>*</c>, which may be any run. Sound, not complete: <c>?*</c>
    /// does not match <c>*?</c> although both stand for the same strings.
    /// </summary>
    TextIsPattern = 2,
}
