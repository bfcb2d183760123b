using System.Text;
using System.Text.Json;

namespace Governance.Cli.Answers;

/// <summary>Renders JSON through a buffer, so the TextWriter a command was given receives it whole.</summary>
internal static class JsonText
{
    public static string Render(Action<Utf8JsonWriter> write, bool indented = false)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = indented }))
        {
            write(writer);
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
