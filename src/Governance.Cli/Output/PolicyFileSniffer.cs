using System.Text.Json;
using PolicyEngine.Syntax;

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
        byte[] bytes;
        try
        {
            var info = new FileInfo(file);
            if (info.Length > ReaderLimits.Default.MaxBytes)
            {
                return false;
            }
            bytes = File.ReadAllBytes(file);
        }
        catch (IOException)
        {
            return false;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
        // Text the check refuses (a lone surrogate in the key `Statement`, say) is not "other": it is validated.
        if (!JsonTextCheck.TryParse(bytes, null, out var document, out _))
        {
            return false;
        }
        using (document)
        {
            return document.RootElement.ValueKind == JsonValueKind.Object && !document.RootElement.TryGetProperty("Statement", out _);
        }
    }
}
