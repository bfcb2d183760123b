using System.Text.Json;

namespace PolicyEngine.Syntax;

/// <summary>
/// Finds the <c>\u</c> escapes that name half a character. <see cref="System.Text.Json.Utf8JsonReader"/> accepts them,
/// as the JSON grammar does, and throws only when the string is read; IAM refuses such a document, and so do we.
/// </summary>
internal static class JsonEscapes
{
    /// <summary>The length of one <c>\uXXXX</c> escape.</summary>
    public const int UnicodeEscapeLength = 6;

    /// <summary>
    /// The offset in <paramref name="raw"/> (a string's text as written, between its quotes, already checked by the reader)
    /// of the first surrogate escape without its pair: a high one not followed by a low one, or a low one on its own;
    /// -1 when there is none.
    /// </summary>
    public static int FindLoneSurrogate(ReadOnlySpan<byte> raw)
    {
        for (var i = 0; i < raw.Length; i++)
        {
            if (raw[i] != (byte)'\\' || i + 1 >= raw.Length)
            {
                continue;
            }
            if (raw[i + 1] != (byte)'u')
            {
                i++; // a two-character escape such as \" or \\: its second byte starts nothing
                continue;
            }
            if (!TryReadUnit(raw, i, out var unit))
            {
                return -1;
            }
            if (char.IsLowSurrogate(unit))
            {
                return i;
            }
            if (char.IsHighSurrogate(unit))
            {
                var next = i + UnicodeEscapeLength;
                if (!TryReadUnit(raw, next, out var low) || !char.IsLowSurrogate(low))
                {
                    return i;
                }
                i = next;
            }
            i += UnicodeEscapeLength - 1;
        }
        return -1;
    }

    /// <summary>
    /// The string or property name the reader stands on, unless one of its escapes is a lone surrogate: then false, with
    /// that escape's offset in the token's <see cref="Utf8JsonReader.ValueSpan"/>. The text must be valid UTF-8 already.
    /// </summary>
    public static bool TryGetString(ref Utf8JsonReader reader, out string value, out int loneSurrogate)
    {
        loneSurrogate = reader.ValueIsEscaped ? FindLoneSurrogate(reader.ValueSpan) : -1;
        value = loneSurrogate < 0 ? reader.GetString()! : string.Empty;
        return loneSurrogate < 0;
    }

    /// <summary>The UTF-16 unit of the <c>\uXXXX</c> escape at <paramref name="at"/>, when one is there.</summary>
    private static bool TryReadUnit(ReadOnlySpan<byte> raw, int at, out char unit)
    {
        unit = '\0';
        if (at + UnicodeEscapeLength > raw.Length || raw[at] != (byte)'\\' || raw[at + 1] != (byte)'u')
        {
            return false;
        }
        var value = 0;
        foreach (var b in raw.Slice(at + 2, 4))
        {
            var digit = b switch
            {
                >= (byte)'0' and <= (byte)'9' => b - '0',
                >= (byte)'a' and <= (byte)'f' => b - 'a' + 10,
                >= (byte)'A' and <= (byte)'F' => b - 'A' + 10,
                _ => -1,
            };
            if (digit < 0)
            {
                return false;
            }
            value = (value << 4) | digit;
        }
        unit = (char)value;
        return true;
    }
}
