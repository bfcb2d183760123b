using PolicyEngine.Evaluation;
using PolicyEngine.Explain;
using TestSupport.Paths;

namespace Governance.Cli.Tests.Docs;

/// <summary>
/// docs/cli-json.md promises `--output json` is stable and lists the words it may carry; every reason, policy type and
/// statement status the engine can give must be among them, so a new one cannot reach scripts undocumented.
/// </summary>
public sealed class CliJsonDocumentTests
{
    public static TheoryData<string, string> EngineWords()
    {
        var data = new TheoryData<string, string>();
        foreach (var name in Enum.GetNames<DecisionReason>())
        {
            data.Add("reason", name);
        }
        foreach (var name in Enum.GetNames<PolicyType>())
        {
            data.Add("policyType", name);
        }
        foreach (var name in Enum.GetNames<StatementStatus>().Where(static n => n is not (nameof(StatementStatus.Matched) or nameof(StatementStatus.ActionNotMatched))))
        {
            data.Add("status", name);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(EngineWords))]
    public void CliJsonDocument_ListsEveryWordTheEngineGives(string field, string word)
    {
        // Arrange
        var document = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "docs", "cli-json.md"));

        // Act
        var listed = document.Contains($"`{word}`", StringComparison.Ordinal);

        // Assert
        Assert.True(listed, $"docs/cli-json.md does not list `{word}`, a value of `{field}`; add it where `{field}` is described");
    }
}
