namespace PolicyEngine.Syntax;

/// <summary>Why a JSON text cannot be read, and where: the first problem <see cref="JsonTextCheck"/> met.</summary>
/// <param name="Message">Lower case, no final period, such as <c>invalid escape: lone surrogate `\ud800` ...</c>.</param>
/// <param name="Line">1-based line.</param>
/// <param name="Column">1-based column, in characters.</param>
/// <param name="Path">The JSON path of the value concerned (<c>Statement[0].Resource</c>); empty for the whole text.</param>
public sealed record JsonTextProblem(string Message, int Line, int Column, string Path)
{
    /// <summary><c>line 3 column 14 (Statement[0].Resource): message</c>, the form error lists show.</summary>
    public override string ToString()
        => Path.Length == 0 ? $"line {Line} column {Column}: {Message}" : $"line {Line} column {Column} ({Path}): {Message}";
}
