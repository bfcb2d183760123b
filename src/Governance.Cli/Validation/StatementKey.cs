using System.Globalization;
using System.Text.RegularExpressions;

namespace Governance.Cli.Validation;

/// <summary>Names the statement a finding is about the way a fingerprint keeps it: by Sid when it has one, else by index.</summary>
internal static partial class StatementKey
{
    /// <summary>
    /// <c>sid:NAME</c> or <c>index:N</c> for a finding at <paramref name="innerPath"/> (relative to its document, such as
    /// <c>Statement[2].Action[0]</c>); null when the path is not inside a statement.
    /// </summary>
    /// <param name="innerPath">The finding's path inside its document.</param>
    /// <param name="sidAt">The string at a path inside the document, such as <c>Statement[2].Sid</c>.</param>
    public static string? Of(string innerPath, Func<string, string?> sidAt)
    {
        ArgumentNullException.ThrowIfNull(innerPath);
        ArgumentNullException.ThrowIfNull(sidAt);
        var match = StatementPath().Match(innerPath);
        if (!match.Success)
        {
            return null;
        }
        var statement = match.Groups["statement"].Value;
        var index = match.Groups["index"].Success ? match.Groups["index"].Value : "0";
        return sidAt(statement + ".Sid") is { Length: > 0 } sid
            ? "sid:" + sid
            : "index:" + int.Parse(index, NumberStyles.None, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(@"^(?<statement>Statement(\[(?<index>\d{1,9})\])?)(\.|\[|$)", RegexOptions.CultureInvariant)]
    private static partial Regex StatementPath();
}
