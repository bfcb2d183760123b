namespace Governance.Cli.Validation;

/// <summary>Everything one <c>iamgov validate</c> found: the files validated, the files skipped, and the files that could not be read.</summary>
/// <param name="Files">Each file validated, in the order named (a folder's files by path).</param>
/// <param name="Skipped">Files below a folder that are clearly not policies.</param>
/// <param name="Unreadable">Files that could not be read at all, as <c>PATH: cannot be read (…)</c>.</param>
internal sealed record ValidationRun(IReadOnlyList<FileReport> Files, IReadOnlyList<SkippedFile> Skipped, IReadOnlyList<string> Unreadable)
{
    /// <summary>True when the gate fails: an error finding, an unreadable file, or nothing validated at all.</summary>
    public bool Fails => Files.Count == 0 || Unreadable.Count > 0 || Files.Any(static f => f.HasErrors);
}
