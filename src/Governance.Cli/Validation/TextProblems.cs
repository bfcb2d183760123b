using PolicyEngine.Diagnostics;
using PolicyEngine.Syntax;

namespace Governance.Cli.Validation;

/// <summary>A file's unreadable text as a finding, with the validator's code for the same problem.</summary>
internal static class TextProblems
{
    /// <summary>The finding for <paramref name="problem"/>: always an error, since nothing in the file can be read.</summary>
    public static Diagnostic ToFinding(JsonTextProblem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        var code = problem.Message.StartsWith("duplicate key", StringComparison.Ordinal) ? DiagnosticCodes.DuplicateKey
            : problem.Message.StartsWith("objects and arrays nest deeper", StringComparison.Ordinal) ? DiagnosticCodes.NestingTooDeep
            : DiagnosticCodes.InvalidJson;
        return new Diagnostic(code, Severity.Error, problem.Message, new SourceLocation(problem.Line, problem.Column, problem.Path));
    }

    /// <summary><paramref name="utf8"/> without a leading UTF-8 byte order mark.</summary>
    public static ReadOnlyMemory<byte> WithoutBom(ReadOnlyMemory<byte> utf8)
        => utf8.Span is [0xEF, 0xBB, 0xBF, ..] ? utf8[3..] : utf8;
}
