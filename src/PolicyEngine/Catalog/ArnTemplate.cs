namespace PolicyEngine.Catalog;

/// <summary>
/// A compiled ARN format from the service authorization reference, such as
/// <c>arn:${Partition}:s3:::${BucketName}/${ObjectName}</c>, that tells whether an ARN or an ARN pattern
/// from a policy could name a resource of that format.
/// </summary>
/// <remarks>
/// <para>Each <c>${...}</c> placeholder stands for one or more characters. A placeholder in the partition,
/// service, region or account field stops at <c>:</c>. A resource part that is a single placeholder (an S3
/// bucket, an SNS topic, an SQS queue) holds no <c>/</c> and no <c>:</c>, so <c>arn:aws:s3:::raw/x.parquet</c> is an object and
/// not a bucket; any other placeholder in the resource part may hold any character, as role paths and S3 keys do.</para>
/// <para>The policy side is an IAM glob (<c>*</c>, <c>?</c>); a policy variable such as <c>${aws:username}</c> counts as
/// <c>*</c>. The question is whether the two patterns share a string, which <see cref="Matching.Wildcard"/> cannot answer
/// since it matches a glob against text; this class intersects the two as automata instead.
/// Comparison is case-sensitive, as IAM compares ARNs.</para>
/// </remarks>
internal sealed class ArnTemplate
{
    private const int StackLimit = 4096;

    // Invariant: a placeholder compiles to two tokens, a Placeholder (one character of its class)
    // followed by a Repeat (any number of characters of the same class).
    private readonly Token[] _tokens;

    private ArnTemplate(Token[] tokens) => _tokens = tokens;

    private enum TokenKind : byte
    {
        Literal,
        Placeholder,
        Repeat,
    }

    private enum CharClass : byte
    {
        Any,
        NoColon,
        NoColonOrSlash,
    }

    /// <summary>Compiles an ARN format.</summary>
    public static ArnTemplate Compile(string format)
    {
        ArgumentNullException.ThrowIfNull(format);
        int resourceStart = IndexAfterFifthColon(format);
        bool bareResource = resourceStart >= 0
            && format.AsSpan(resourceStart).StartsWith("${", StringComparison.Ordinal)
            && format.IndexOf('}', resourceStart) == format.Length - 1;

        var tokens = new List<Token>(format.Length);
        for (int i = 0; i < format.Length; i++)
        {
            int end = format[i] == '$' && i + 1 < format.Length && format[i + 1] == '{'
                ? format.IndexOf('}', i + 2)
                : -1;
            if (end < 0)
            {
                tokens.Add(new Token(TokenKind.Literal, format[i], CharClass.Any));
                continue;
            }

            CharClass cls = resourceStart < 0 || i < resourceStart
                ? CharClass.NoColon
                : bareResource ? CharClass.NoColonOrSlash : CharClass.Any;
            tokens.Add(new Token(TokenKind.Placeholder, '\0', cls));
            tokens.Add(new Token(TokenKind.Repeat, '\0', cls));
            i = end;
        }

        return new ArnTemplate([.. tokens]);
    }

    /// <summary>Whether some ARN matches both this format and <paramref name="pattern"/>.</summary>
    /// <param name="pattern">A concrete ARN, or an ARN pattern with <c>*</c> and <c>?</c> as a policy writes it.</param>
    public bool Overlaps(string pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        var glob = new List<Token>(pattern.Length);
        for (int i = 0; i < pattern.Length; i++)
        {
            char c = pattern[i];
            int end = c == '$' && i + 1 < pattern.Length && pattern[i + 1] == '{' ? pattern.IndexOf('}', i + 2) : -1;
            if (end >= 0)
            {
                glob.Add(new Token(TokenKind.Repeat, '\0', CharClass.Any));
                i = end;
            }
            else if (c == '*')
            {
                glob.Add(new Token(TokenKind.Repeat, '\0', CharClass.Any));
            }
            else if (c == '?')
            {
                glob.Add(new Token(TokenKind.Placeholder, '\0', CharClass.Any));
            }
            else
            {
                glob.Add(new Token(TokenKind.Literal, c, CharClass.Any));
            }
        }

        return Intersects(_tokens, glob);
    }

    // Reachability in the product of the two automata. Every move leaves both positions equal or greater and
    // at least one greater, so visiting states in row-major order sees each state after all its predecessors.
    private static bool Intersects(Token[] a, List<Token> b)
    {
        int n = a.Length, m = b.Count, width = m + 1;
        int size = (n + 1) * width;
        Span<bool> reach = size <= StackLimit ? stackalloc bool[size] : new bool[size];
        reach.Clear();
        reach[0] = true;
        for (int i = 0; i <= n; i++)
        {
            for (int j = 0; j <= m; j++)
            {
                if (!reach[(i * width) + j])
                {
                    continue;
                }

                bool aRepeat = i < n && a[i].Kind == TokenKind.Repeat;
                bool bRepeat = j < m && b[j].Kind == TokenKind.Repeat;
                if (aRepeat)
                {
                    reach[((i + 1) * width) + j] = true;
                }

                if (bRepeat)
                {
                    reach[(i * width) + j + 1] = true;
                }

                if (i < n && j < m && (!aRepeat || !bRepeat) && Compatible(a[i], b[j]))
                {
                    int ni = aRepeat ? i : i + 1;
                    int nj = bRepeat ? j : j + 1;
                    reach[(ni * width) + nj] = true;
                }
            }
        }

        return reach[size - 1];
    }

    // Whether one character can be consumed by both tokens.
    private static bool Compatible(Token x, Token y)
    {
        if (x.Kind == TokenKind.Literal && y.Kind == TokenKind.Literal)
        {
            return x.Char == y.Char;
        }

        if (x.Kind == TokenKind.Literal)
        {
            return Allows(y.Class, x.Char);
        }

        if (y.Kind == TokenKind.Literal)
        {
            return Allows(x.Class, y.Char);
        }

        // Two classes always share a character (a letter, say).
        return true;
    }

    private static bool Allows(CharClass cls, char c) => cls switch
    {
        CharClass.NoColon => c != ':',
        CharClass.NoColonOrSlash => c is not ':' and not '/',
        _ => true,
    };

    private static int IndexAfterFifthColon(string format)
    {
        int index = -1;
        for (int colons = 0; colons < 5; colons++)
        {
            index = format.IndexOf(':', index + 1);
            if (index < 0)
            {
                return -1;
            }
        }

        return index + 1;
    }

    private readonly record struct Token(TokenKind Kind, char Char, CharClass Class);
}
