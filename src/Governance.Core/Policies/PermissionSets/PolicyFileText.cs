using System.Diagnostics.CodeAnalysis;
using PolicyEngine.Syntax;

namespace Governance.Core.Policies.PermissionSets;

/// <summary>Reads the text of a file under <c>policies/</c>, which must be UTF-8.</summary>
public static class PolicyFileText
{
    /// <summary>
    /// The file's text; or, when it is not UTF-8 (a UTF-16 file, bytes that are not UTF-8), the error naming
    /// <paramref name="file"/> and the place, rather than the text a decoder would make of it.
    /// </summary>
    public static bool TryRead(string path, string file, [NotNullWhen(true)] out string? text, [NotNullWhen(false)] out PolicyFileError? error)
    {
        error = null;
        if (JsonTextCheck.TryDecode(File.ReadAllBytes(path), out text, out var problem))
        {
            return true;
        }
        error = PolicyFileError.Unreadable(file, problem);
        return false;
    }
}
