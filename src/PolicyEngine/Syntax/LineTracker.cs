namespace PolicyEngine.Syntax;

/// <summary>
/// Turns UTF-8 byte offsets into 1-based line and character columns. Offsets must be asked for in increasing
/// order (the reader's order), which keeps the whole document's cost linear. Public so that every reader placing JSON
/// tokens (the policy parser, the CLI's repository files) counts lines and columns the same way.
/// </summary>
/// <param name="utf8">The document's bytes, without a byte order mark.</param>
public struct LineTracker(ReadOnlyMemory<byte> utf8)
{
    private readonly ReadOnlyMemory<byte> _utf8 = utf8;
    private int _offset;
    private int _line = 1;
    private int _column = 1;

    /// <summary>The 1-based line and column of the byte at <paramref name="offset"/>; offsets must not decrease between calls.</summary>
    public (int Line, int Column) At(long offset)
    {
        var span = _utf8.Span;
        var target = (int)Math.Min(offset, span.Length);
        for (; _offset < target; _offset++)
        {
            var b = span[_offset];
            if (b == (byte)'\n')
            {
                _line++;
                _column = 1;
            }
            else if ((b & 0xC0) != 0x80)
            {
                // Count lead bytes only, so a multi-byte character is one column.
                _column++;
            }
        }
        return (_line, _column);
    }
}
