using System.CommandLine;
using Governance.Core.Risk;

namespace Governance.Cli.Commands;

/// <summary>
/// The <c>--fail-on CRITICAL|HIGH|MEDIUM|LOW</c> option of <c>audit</c> and <c>drift</c>: exit 1 when a finding at or
/// above that severity is reported (as tfsec's <c>--minimum-severity</c> and checkov's <c>--hard-fail-on</c> gate a pipeline).
/// </summary>
internal static class FailOnOption
{
    /// <summary>The option; absent by default, so the exit code says only whether the command ran. Read in any case.</summary>
    public static Option<RiskSeverity?> Create(string description) => new("--fail-on")
    {
        Description = description,
        HelpName = "CRITICAL|HIGH|MEDIUM|LOW",
        CustomParser = static result =>
        {
            var token = result.Tokens.Count == 1 ? result.Tokens[0].Value : string.Empty;
            if (Parse(token) is { } severity)
            {
                return severity;
            }
            result.AddError($"--fail-on: unknown severity `{token}`; use CRITICAL, HIGH, MEDIUM or LOW");
            return null;
        },
    };

    /// <summary>The upper-case name of <paramref name="severity"/>, as the option takes it.</summary>
    public static string Name(RiskSeverity severity) => severity.ToString().ToUpperInvariant();

    private static RiskSeverity? Parse(string token)
    {
        foreach (var severity in Enum.GetValues<RiskSeverity>())
        {
            if (string.Equals(Name(severity), token, StringComparison.OrdinalIgnoreCase))
            {
                return severity;
            }
        }
        return null;
    }
}
