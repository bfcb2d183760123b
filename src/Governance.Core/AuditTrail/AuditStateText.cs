using System.Text;
using System.Text.Json;

namespace Governance.Core.AuditTrail;

/// <summary>
/// How an event's stored <c>before</c> or <c>after</c> text is carried in JSON (the API's events, the export), so that a
/// verifier gets back the exact text the hash covers.
/// </summary>
/// <remarks>
/// The rule a verifier follows: a JSON object or array is the text itself, byte for byte as it stands in the document
/// (<see cref="JsonElement.GetRawText"/>); a JSON string is the text as the string's value (exports written before
/// this rule, and any stored text that is not a one-line object or array); null is no state. The service writes a
/// stored text raw only when it is a complete JSON object or array on one line, so the two never overlap and an
/// export stays one event a line.
/// </remarks>
public static class AuditStateText
{
    /// <summary>Writes <paramref name="text"/> as the value of the current property or array item.</summary>
    public static void WriteValue(Utf8JsonWriter writer, string? text)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (text is null)
        {
            writer.WriteNullValue();
        }
        else if (IsRaw(text))
        {
            writer.WriteRawValue(text, skipInputValidation: true);
        }
        else
        {
            writer.WriteStringValue(text);
        }
    }

    /// <summary>Writes the property <paramref name="name"/> with <paramref name="text"/> as its value.</summary>
    public static void Write(Utf8JsonWriter writer, string name, string? text)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WritePropertyName(name);
        WriteValue(writer, text);
    }

    /// <summary>The stored text a value written by <see cref="WriteValue"/> stands for; false for a number, boolean or other value no stored text is written as.</summary>
    public static bool TryRead(JsonElement value, out string? text)
    {
        (var read, text) = value.ValueKind switch
        {
            JsonValueKind.Null => (true, null),
            JsonValueKind.String => (true, value.GetString()),
            JsonValueKind.Object or JsonValueKind.Array => (true, value.GetRawText()),
            _ => (false, null),
        };
        return read;
    }

    /// <summary>True when <paramref name="text"/> is written as itself: one complete JSON object or array, on one line.</summary>
    public static bool IsRaw(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        // Ends included: a verifier takes the value's raw text, which holds no white space around it.
        if (text.Length < 2 || !((text[0] == '{' && text[^1] == '}') || (text[0] == '[' && text[^1] == ']'))
            || text.AsSpan().IndexOfAny('\r', '\n') >= 0)
        {
            return false;
        }
        byte[] utf8;
        try
        {
            utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetBytes(text);
        }
        catch (EncoderFallbackException)
        {
            return false;
        }
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow, MaxDepth = 256 });
        try
        {
            // A complete value that ends where the text ends: the reader refuses trailing content after the root.
            while (reader.Read())
            {
            }
            return reader.BytesConsumed == utf8.Length && reader.CurrentDepth == 0;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
