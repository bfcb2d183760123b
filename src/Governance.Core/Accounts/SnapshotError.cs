namespace Governance.Core.Accounts;

/// <summary>Why a snapshot could not be read, and where.</summary>
/// <param name="Path">The JSON path of the offending element, such as <c>RoleDetailList[3].RoleName</c>; empty for the whole file.</param>
/// <param name="Message">What was wrong and what was expected.</param>
/// <param name="Line">1-based line, when the JSON reader knows it.</param>
public sealed record SnapshotError(string Path, string Message, int? Line = null)
{
    /// <inheritdoc />
    public override string ToString()
        => (Line is { } line ? $"line {line}: " : string.Empty) + (Path.Length > 0 ? $"{Path}: " : string.Empty) + Message;
}
