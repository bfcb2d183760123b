using System.Text;
using System.Text.Json;

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

    /// <summary>The reader's message without its trailing position, which the problem carries already.</summary>
    public static string InvalidJson(JsonException e)
    {
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
        message = message.TrimEnd('.', ' ');
        return "invalid JSON: " + (message.Length > 0 ? char.ToLowerInvariant(message[0]) + message[1..] : "unreadable text");
    }
}
