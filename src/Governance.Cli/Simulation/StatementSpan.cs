namespace Governance.Cli.Simulation;

/// <summary>
/// Finds where a statement's object ends in its policy text, given where it starts: the engine keeps start positions
/// only, and AWS's response has both (Statement.StartPosition and EndPosition).
/// </summary>
/// <remarks>Lines and columns are 1-based and count characters as the engine's parser does (a surrogate pair is one).</remarks>
internal static class StatementSpan
{
    /// <summary>The line and column of the <c>}</c> that closes the object whose <c>{</c> stands at <paramref name="line"/>:<paramref name="column"/>; null when there is none.</summary>
    public static (int Line, int Column)? End(string text, int line, int column)
    {
        ArgumentNullException.ThrowIfNull(text);
        var (l, c) = (1, 1);
        var i = 0;
        for (; i < text.Length && (l, c) != (line, column); i++)
        {
            Advance(text[i], ref l, ref c);
        }
        if (i >= text.Length || text[i] != '{')
        {
            return null;
        }
        var depth = 0;
        var inString = false;
        for (; i < text.Length; i++)
        {
            var ch = text[i];
            if (inString)
            {
                if (ch == '\\' && i + 1 < text.Length)
                {
                    Advance(ch, ref l, ref c);
                    i++;
                    ch = text[i];
                }
                else if (ch == '"')
                {
                    inString = false;
                }
            }
            else if (ch == '"')
            {
                inString = true;
            }
            else if (ch == '{')
            {
                depth++;
            }
            else if (ch == '}' && --depth == 0)
            {
                return (l, c);
            }
            Advance(ch, ref l, ref c);
        }
        return null;
    }

    private static void Advance(char ch, ref int line, ref int column)
    {
        if (ch == '\n')
        {
            line++;
            column = 1;
        }
        else if (!char.IsLowSurrogate(ch))
        {
            column++;
        }
    }
}
