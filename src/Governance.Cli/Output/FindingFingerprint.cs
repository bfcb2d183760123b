using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Governance.Cli.Validation;

namespace Governance.Cli.Output;

/// <summary>
/// A finding's identity across commits, for SARIF's <c>partialFingerprints</c>: the rule, the file, the document inside
/// it, the statement (its Sid, else its index), the element's name and the message with the offending text. Never a
/// line or column, so that lines inserted above a finding keep it the same alert.
/// </summary>
internal static partial class FindingFingerprint
{
    /// <summary>The key under <c>partialFingerprints</c>; versioned, so that a change of recipe starts new identities openly.</summary>
    public const string Key = "iamgovFinding/v1";

    /// <summary>The fingerprint of <paramref name="finding"/> in the file known to the repository as <paramref name="file"/>.</summary>
    public static string Of(string file, FileFinding finding)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(finding);
        var d = finding.Diagnostic;
        var text = string.Join('\n', d.Code, file, finding.Document ?? string.Empty, finding.Statement ?? string.Empty,
            Element(d.Location.Path), Normalize(d.Message));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    /// <summary>The path's last element without indexes (<c>Statement[3].Action[2]</c> → <c>Action</c>): indexes move when lines are added.</summary>
    private static string Element(string path) => Indexes().Replace(path[(path.LastIndexOf('.') + 1)..], string.Empty);

    // Indexes go too: a message may name a statement by index when it has no Sid.
    private static string Normalize(string message) => Indexes().Replace(Spaces().Replace(message.Trim(), " "), "[]");

    [GeneratedRegex(@"\[\d+\]", RegexOptions.CultureInvariant)]
    private static partial Regex Indexes();

    [GeneratedRegex(@"\s+", RegexOptions.CultureInvariant)]
    private static partial Regex Spaces();
}
