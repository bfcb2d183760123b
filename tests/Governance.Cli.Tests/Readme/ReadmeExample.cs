namespace Governance.Cli.Tests.Readme;

/// <summary>One <c>iamgov …</c> line of a README shell block, with what the README says it prints.</summary>
/// <param name="Line">The README line the command starts on.</param>
/// <param name="Text">The command as written (continuations joined, the trailing comment dropped), variables unexpanded.</param>
/// <param name="Arguments">The words after <c>iamgov</c>, variables expanded as the README defines them.</param>
/// <param name="StandardInput">The file given with <c>&lt; FILE</c>, if any.</param>
/// <param name="StandardOutput">The file given with <c>&gt; FILE</c>, if any.</param>
/// <param name="Expected">The first line the README's <c># =&gt; </c> comment gives, if any; <c>…</c> stands for any text.</param>
/// <param name="Problem">Why the line cannot be run as a command (an unknown variable, a pipe), if it cannot.</param>
public sealed record ReadmeExample(int Line, string Text, IReadOnlyList<string> Arguments, string? StandardInput, string? StandardOutput, string? Expected,
    string? Problem)
{
    /// <summary>How xunit names the row.</summary>
    public override string ToString() => $"README.md:{Line}: {Text}";
}
