using System.Security.Cryptography;
using System.Text;

namespace Governance.Core.Exclusions;

/// <summary>A finding's identity across runs: 16 hex digits of SHA-256 over its subject, rule and title.</summary>
/// <remarks>
/// The severity is left out, so a finding keeps its fingerprint when its severity changes; the title is in, so two
/// escalation paths of one principal differ. A drift NewRisk has the fingerprint of the risk it reports, so an exclusion
/// written from <c>iamgov audit</c> also covers the drift audit's finding of the same risk.
/// </remarks>
public static class FindingFingerprint
{
    /// <summary>The fingerprint of the finding <paramref name="rule"/> on <paramref name="subject"/> titled <paramref name="title"/>.</summary>
    public static string Of(string subject, string rule, string title)
    {
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(title);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{subject}\n{rule}\n{title}"));
        return Convert.ToHexStringLower(hash, 0, 8);
    }
}
