namespace Governance.Core.Accounts.Organization;

/// <summary>Something wrong in an organisation snapshot, and where: an error or a warning of <see cref="OrganizationSnapshotReader"/>.</summary>
/// <param name="File">The file, relative to the snapshot folder (<c>accounts/111122223333/resources.json</c>); empty for the folder itself.</param>
/// <param name="Path">The JSON path of the offending element, such as <c>Accounts[2].ParentId</c>; empty for the whole file.</param>
/// <param name="Message">What was wrong and what was expected; lower case, user input in backticks.</param>
/// <param name="Line">1-based line in the file, when known.</param>
public sealed record OrganizationReadProblem(string File, string Path, string Message, int? Line = null)
{
    /// <inheritdoc />
    public override string ToString()
    {
        var where = File.Length == 0 ? string.Empty : Line is { } line ? $"{File}:{line}: " : $"{File}: ";
        return where + (Path.Length > 0 ? $"{Path}: " : string.Empty) + Message;
    }
}
