using Governance.Cli.Commands;
using Governance.Core.Risk;

namespace Governance.Cli.Output;

/// <summary>The one decision of <c>--fail-on</c>: which findings fail it, the exit code, and the line that says why.</summary>
internal static class SeverityGate
{
    /// <summary>The exit code when the gate fails.</summary>
    public const int Failed = 1;

    /// <summary>
    /// <see cref="Failed"/> when a finding at or above <paramref name="level"/> counts, after one line on
    /// <paramref name="stderr"/>; else 0. With <paramref name="newOnly"/>, only the findings marked new count (drift
    /// <c>--previous</c>); excluded findings are never given.
    /// </summary>
    public static int Check(IEnumerable<(RiskSeverity Severity, bool IsNew)> findings, RiskSeverity level, bool newOnly, TextWriter stderr)
    {
        var atOrAbove = findings.Where(f => f.Severity >= level).ToList();
        var fresh = atOrAbove.Count(static f => f.IsNew);
        var failing = newOnly ? fresh : atOrAbove.Count;
        if (failing == 0)
        {
            return 0;
        }
        var counted = newOnly ? $" ({fresh} new)" : string.Empty;
        stderr.WriteLine($"iamgov: {atOrAbove.Count} finding{(atOrAbove.Count == 1 ? "" : "s")} at or above {FailOnOption.Name(level)}{counted}; "
            + $"failing as --fail-on {FailOnOption.Name(level)} asks");
        return Failed;
    }
}
