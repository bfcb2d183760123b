using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace PolicyEngine.Syntax;

/// <summary>The wording of every problem with JSON text, shared by the policy reader and <see cref="JsonTextCheck"/>.</summary>
internal static class JsonTextMessages
{
    public static string ForeignEncoding(string encoding)
        => $"the text is {encoding} (it starts with a {encoding} byte order mark); expected UTF-8";

    public static string InvalidUtf8(byte first)
        => $"invalid UTF-8: byte `0x{first:X2}` starts no UTF-8 character (an overlong, surrogate or truncated sequence); expected UTF-8 text";

    public static string LoneSurrogate(ReadOnlySpan<byte> escape)
        => $"invalid escape: lone surrogate `{Encoding.ASCII.GetString(escape)}`; a `\\uD800`-`\\uDBFF` escape must be followed by a `\\uDC00`-`\\uDFFF` one";

    public static string TooDeep(int maxDepth) => $"objects and arrays nest deeper than {maxDepth} levels";

    public static string DuplicateKey(string name) => $"duplicate key `{name}`: each key may appear once in an object";

    /// <summary>
    /// The reader's message in this project's words, without its trailing position (the problem carries it already) and
    /// without advice meant for the program ("Change the reader options"), which a user cannot follow.
    /// </summary>
    public static string InvalidJson(JsonException e)
    {
        ArgumentNullException.ThrowIfNull(e);
        var message = e.Message;
        if (message.StartsWith("Expected depth to be zero", StringComparison.Ordinal))
        {
            // The reader's wording for a truncated document ("...at the end of the JSON payload. There is an open
            // JSON object or array that should be closed") says what is wrong in two sentences; one is enough.
            return "invalid JSON: the document ends before every object and array is closed";
        }
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        if (cut > 0)
        {
            message = message[..cut];
        }
        foreach (var (pattern, wording) in ReaderWordings)
        {
            var match = pattern.Match(message);
            if (match.Success)
            {
                return "invalid JSON: " + match.Result(wording);
            }
        }
        // Any other message: its sentences that advise the program about its options are dropped.
        var sentences = message.Split(". ", StringSplitOptions.RemoveEmptyEntries)
            .Where(static t => !t.Contains("option", StringComparison.OrdinalIgnoreCase) && !t.Contains("Json", StringComparison.Ordinal));
        message = string.Join(". ", sentences).TrimEnd('.', ' ');
        return "invalid JSON: " + (message.Length > 0 ? char.ToLowerInvariant(message[0]) + message[1..] : "unreadable text");
    }

    /// <summary>System.Text.Json's reader messages that a user meets, each with what was expected instead.</summary>
    private static readonly (Regex Pattern, string Wording)[] ReaderWordings =
    [
        (new(@"^The JSON object contains a trailing comma"), "a comma before `}`; expected another key, as JSON allows no trailing comma"),
        (new(@"^The JSON array contains a trailing comma"), "a comma before `]`; expected another value, as JSON allows no trailing comma"),
        (new(@"^'(?<c>.+?)' is invalid after a value\."), "`${c}` after a value; expected `,`, `}` or `]`"),
        (new(@"^'(?<c>.+?)' is an invalid start of a value\."), "`${c}` cannot start a value; expected a string, number, object, array, `true`, `false` or `null`"),
        (new(@"^'(?<c>.+?)' is invalid after a property name\."), "`${c}` after a key; expected `:`"),
        (new(@"^'(?<c>.+?)' is an invalid start of a property name\."), "`${c}` where a key was expected; expected a key in double quotes"),
        (new(@"^'(?<c>.+?)' is invalid after a single JSON value\."), "`${c}` after the document's value; expected the end of the text"),
        (new(@"^'(?<c>.+?)' is invalid within a JSON string\."), "`${c}` inside a string; expected it escaped (`\\n`, `\\t`, `\\u0000`)"),
        (new(@"^'(?<c>.+?)' is not a valid escapable character within a JSON string\."), "`\\${c}` inside a string; expected an escape such as `\\\"`, `\\\\`, `\\n` or `\\uXXXX`"),
        (new(@"^Expected end of string, but instead reached end of data"), "the text ends inside a string; expected its closing `\"`"),
        (new(@"^The input does not contain any JSON tokens"), "the text holds no JSON value; expected an object or an array"),
        (new(@"^'(?<c>.+?)' is an invalid JSON literal\. Expected the literal '(?<l>.+?)'"), "`${c}` in a literal; expected `${l}`"),
    ];
}
