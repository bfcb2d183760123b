using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Governance.Cli.Answers;

/// <summary>Renders JSON through a buffer, so the TextWriter a command was given receives it whole.</summary>
internal static class JsonText
{
    /// <param name="write">Writes the value.</param>
    /// <param name="indented">Whether to indent.</param>
    /// <param name="encoder">How to escape text; the default escapes HTML-sensitive characters such as <c>+</c>.</param>
    public static string Render(Action<Utf8JsonWriter> write, bool indented = false, JavaScriptEncoder? encoder = null)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = indented, Encoder = encoder }))
        {
            write(writer);
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
