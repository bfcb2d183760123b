using PolicyEngine.Syntax;

namespace Governance.Core.Policies.PermissionSets;

/// <summary>A problem in one of the files under <c>policies/</c>.</summary>
/// <param name="File">The file, relative to where it was loaded from.</param>
/// <param name="JsonPath">Where in it, such as <c>statements[1].actions[0]</c>; empty for the whole file.</param>
/// <param name="Message">What is wrong, in the project's message style.</param>
public sealed record PolicyFileError(string File, string JsonPath, string Message)
{
    /// <summary>A file <see cref="JsonTextCheck"/> refused: its text is not JSON that can be read, said with line and column.</summary>
    public static PolicyFileError Unreadable(string file, JsonTextProblem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        return new PolicyFileError(file, problem.Path, $"{problem.Message} at line {problem.Line} column {problem.Column}");
    }

    /// <inheritdoc />
    public override string ToString() => JsonPath.Length == 0 ? $"{File}: {Message}" : $"{File}: {JsonPath}: {Message}";
}
