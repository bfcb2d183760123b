using System.Reflection;
using System.Text.RegularExpressions;
using Governance.Core.Results;
using TestSupport.Paths;

namespace Governance.Core.Tests.Results;

/// <summary>
/// <see cref="ProblemCodes"/> is the one list of the problem codes the API answers with: each code is listed once, used
/// from the list (never spelled again), documented where the README names it, and answered by some test.
/// </summary>
public sealed partial class ProblemCodesTests
{
    private static readonly IReadOnlyDictionary<string, string> Codes = typeof(ProblemCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(static f => f.IsLiteral && f.FieldType == typeof(string))
        .ToDictionary(static f => f.Name, static f => (string)f.GetRawConstantValue()!, StringComparer.Ordinal);

    [Fact]
    public void Codes_Listed_AreDistinctAndKebabCase()
    {
        // Act
        var repeated = Codes.GroupBy(static c => c.Value, StringComparer.Ordinal).Where(static g => g.Count() > 1).Select(static g => g.Key).ToList();
        var malformed = Codes.Values.Where(static c => !KebabCase().IsMatch(c)).ToList();

        // Assert
        Assert.True(Codes.Count > 0, "the list has codes");
        Assert.True(repeated.Count == 0, $"codes listed twice: {string.Join(", ", repeated)}");
        Assert.True(malformed.Count == 0, $"codes not in kebab case: {string.Join(", ", malformed)}");
    }

    [Fact]
    public void Source_EveryCode_IsUsedFromTheListAndSpelledNowhereElse()
    {
        // Arrange
        var files = SourceFiles("src").Where(static f => !f.EndsWith($"Results{Path.DirectorySeparatorChar}ProblemCodes.cs", StringComparison.Ordinal)).ToList();
        var text = string.Join("\n", files.Select(File.ReadAllText));

        // Act
        var unused = Codes.Keys.Where(name => !text.Contains($"ProblemCodes.{name}", StringComparison.Ordinal)).ToList();
        var spelled = Codes.Values.Where(code => text.Contains($"\"{code}\"", StringComparison.Ordinal)).ToList();
        var literalCodes = files.SelectMany(f => LiteralCode().Matches(File.ReadAllText(f)).Select(m => $"{Path.GetFileName(f)}: {m.Value}")).ToList();

        // Assert
        Assert.True(unused.Count == 0, $"listed but never given: {string.Join(", ", unused)}");
        Assert.True(spelled.Count == 0, $"spelled outside ProblemCodes: {string.Join(", ", spelled)}");
        Assert.True(literalCodes.Count == 0, $"errors with a code not from the list:\n{string.Join("\n", literalCodes)}");
    }

    [Fact]
    public void Readme_CodeAfterAStatus_IsAListedCode()
    {
        // Arrange: the README names codes as "503 `aws-not-configured`"
        var readme = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "README.md"));

        // Act
        var documented = StatusAndCode().Matches(readme).Select(static m => m.Groups["code"].Value).Distinct(StringComparer.Ordinal).ToList();
        var unknown = documented.Where(c => !Codes.Values.Contains(c, StringComparer.Ordinal)).ToList();

        // Assert
        Assert.NotEmpty(documented);
        Assert.True(unknown.Count == 0, $"the README names codes the service does not give: {string.Join(", ", unknown)}");
    }

    [Fact]
    public void Tests_EveryCode_IsAnsweredBySomeTest()
    {
        // Arrange: every test source but this one, which reads the codes by reflection
        var text = string.Join("\n", SourceFiles("tests").Where(static f => !f.EndsWith($"{nameof(ProblemCodesTests)}.cs", StringComparison.Ordinal)).Select(File.ReadAllText));

        // Act
        var untested = Codes.Where(c => !text.Contains($"\"{c.Value}\"", StringComparison.Ordinal) && !text.Contains($"ProblemCodes.{c.Key}", StringComparison.Ordinal))
            .Select(static c => c.Value).ToList();

        // Assert
        Assert.True(untested.Count == 0, $"codes no test expects: {string.Join(", ", untested)}");
    }

    private static IEnumerable<string> SourceFiles(string folder)
        => Directory.EnumerateFiles(Path.Combine(RepositoryPaths.Root, folder), "*.cs", SearchOption.AllDirectories)
            .Where(static f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal));

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex KebabCase();

    /// <summary>An error or problem built with a string literal for its code.</summary>
    [GeneratedRegex("""(GovernanceError\.(NotFound|Forbidden|Conflict)|ProblemMapping\.(NotFound|Forbidden)|GovernanceErrorKind\.\w+,)\s*\(?\s*"[a-z0-9-]+""")]
    private static partial Regex LiteralCode();

    [GeneratedRegex("""\b[45]\d\d\s+`(?<code>[a-z][a-z0-9]*(-[a-z0-9]+)+)`""")]
    private static partial Regex StatusAndCode();
}
