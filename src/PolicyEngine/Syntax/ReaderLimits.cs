namespace PolicyEngine.Syntax;

/// <summary>Bounds on what the reader accepts, so that hostile input gets a diagnostic instead of exhausting memory or stack.</summary>
/// <param name="MaxBytes">The largest document read, in UTF-8 bytes.</param>
/// <param name="MaxDepth">The deepest nesting of objects and arrays read.</param>
public sealed record ReaderLimits(int MaxBytes, int MaxDepth)
{
    /// <summary>
    /// Generous for policies: the largest AWS accepts is 20,480 characters (a bucket policy), and the deepest
    /// well-formed one nests 6 levels; anything past these bounds is refused before it is read.
    /// </summary>
    public static ReaderLimits Default { get; } = new(1 << 20, 32);
}
