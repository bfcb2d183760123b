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
    /// The text is itself a pattern, and a match means every string it stands for matches the pattern too (does the
    /// pattern cover it). The text's <c>*</c> and <c>?</c> are read as characters: a text <c>*</c>, which may be any
    /// run, is matched only by a pattern <c>*</c>; a text <c>?</c> by a pattern <c>*</c> or <c>?</c>. Sound, not
    /// complete: <c>?*</c> does not match <c>*?</c> although both stand for the same strings.
    /// </summary>
    TextIsPattern = 2,
}
