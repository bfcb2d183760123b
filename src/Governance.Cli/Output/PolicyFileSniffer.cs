using System.Text.Json;

namespace Governance.Cli.Output;

/// <summary>Tells policy documents from the other JSON a policies repository holds, without validating them.</summary>
internal static class PolicyFileSniffer
{
    /// <summary>
    /// True for well-formed JSON objects with no top-level <c>Statement</c>: account snapshots, permission sets,
    /// configuration. Anything unreadable is not "other": it is validated, so that its errors are reported.
    /// </summary>
    public static bool IsOtherJson(string file)
    {
        try
        {
            using var stream = File.OpenRead(file);
            using var document = JsonDocument.Parse(stream);
            return document.RootElement.ValueKind == JsonValueKind.Object && !document.RootElement.TryGetProperty("Statement", out _);
        }
        catch (JsonException)
        {
            return false;
        }
        catch (IOException)
        {
            return false;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }
}
