using PolicyEngine.Diagnostics;

namespace Governance.Cli.Output;

/// <summary>How each output format spells a severity.</summary>
internal static class SeverityNames
{
    /// <summary>IAM Access Analyzer's spelling, used in JSON: <c>ERROR</c>, <c>SECURITY_WARNING</c>, ...</summary>
    public static string Upper(Severity severity) => severity switch
    {
        Severity.Error => "ERROR",
        Severity.SecurityWarning => "SECURITY_WARNING",
        Severity.Warning => "WARNING",
        _ => "SUGGESTION",
    };

    /// <summary>The compiler-style spelling used in text output: <c>error</c>, <c>security-warning</c>, ...</summary>
    public static string Lower(Severity severity) => severity switch
    {
        Severity.Error => "error",
        Severity.SecurityWarning => "security-warning",
        Severity.Warning => "warning",
        _ => "suggestion",
    };

    /// <summary>SARIF's result level: <c>error</c>, <c>warning</c> or <c>note</c>.</summary>
    public static string Sarif(Severity severity) => severity switch
    {
        Severity.Error => "error",
        Severity.SecurityWarning or Severity.Warning => "warning",
        _ => "note",
    };
}
