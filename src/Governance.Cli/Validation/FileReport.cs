using System.Collections.Immutable;
using PolicyEngine.Diagnostics;

namespace Governance.Cli.Validation;

/// <summary>The validation of one file, named as the user will recognise it.</summary>
/// <param name="Path">The file as shown: relative when the user gave a relative path, with <c>/</c> separators.</param>
/// <param name="FullPath">The file's absolute path (empty for standard input), from which SARIF makes a repository-relative URI.</param>
/// <param name="Kind">What the file was read as.</param>
/// <param name="Documents">The policy documents validated in it.</param>
/// <param name="Findings">Every finding, placed in the file, by position.</param>
/// <param name="ArnReferences">Managed policies and boundaries a role names by ARN: their documents are not in the file.</param>
internal sealed record FileReport(
    string Path,
    string FullPath,
    FileKind Kind,
    ImmutableArray<CheckedDocument> Documents,
    ImmutableArray<FileFinding> Findings,
    ArnReferences ArnReferences)
{
    /// <summary>True when some finding is an error.</summary>
    public bool HasErrors => Findings.Any(static f => f.Diagnostic.Severity == Severity.Error);

    /// <summary>The document a finding is about, or null.</summary>
    public CheckedDocument? DocumentOf(FileFinding finding)
        => finding.Document is null ? null : Documents.FirstOrDefault(d => d.Path == finding.Document);
}
