using Governance.Cli.Tests.Commands;
using TestSupport.Paths;

namespace Governance.Cli.Tests.Golden;

/// <summary>
/// "Answers unchanged" (issue 20): the audit and drift findings on the lab and demo accounts and the demo organisation,
/// recorded in <c>tests/data/golden/</c> (<c>NAME.txt</c>, and the role chains in <c>NAME.chains.txt</c>, which the issue
/// changes on purpose). A change to either fails here; after reviewing the diff, record the new answers with
/// <c>IAMGOV_GOLDEN_UPDATE=1 dotnet test tests/Governance.Cli.Tests --filter FindingsGoldenTests</c>.
/// </summary>
public sealed class FindingsGoldenTests
{
    private static readonly string Policies = RepositoryPaths.Policies;
    private static readonly string Accounts = Path.Combine(RepositoryPaths.Root, "tests", "data", "accounts");
    private static readonly string Golden = Path.Combine(RepositoryPaths.Root, "tests", "data", "golden");

    public static TheoryData<string> Cases => [.. Arguments.Keys];

    private static readonly Dictionary<string, string[]> Arguments = new(StringComparer.Ordinal)
    {
        ["audit-lab"] = ["audit", "--account", Path.Combine(Accounts, "cloudsplaining-example.json"), "-o", "json"],
        ["audit-lab-authz"] = ["audit", "--account", Path.Combine(Accounts, "cloudsplaining-authz-details.json"), "-o", "json"],
        ["audit-demo-account"] = ["audit", "--account", Path.Combine(Policies, "demo-account.json"), "-o", "json"],
        ["audit-demo-org"] = ["audit", "--org", Path.Combine(Policies, "demo-org"), "-o", "json"],
        ["drift-demo-account"] = ["drift", "--desired", Policies, "--account", Path.Combine(Policies, "demo-account.json"), "-o", "json"],
        ["drift-demo-org"] = ["drift", "--desired", Policies, "--org", Path.Combine(Policies, "demo-org"), "-o", "json"],
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Report_RecordedAccount_FindsWhatWasRecorded(string name)
    {
        // Arrange
        var (code, output, _) = GateCli.Run(null, Arguments[name]);
        Assert.Equal(0, code);

        // Act
        var (findings, chains) = GoldenFindings.Of(output);

        // Assert
        var changed = Compare(Path.Combine(Golden, name + ".txt"), findings).Concat(Compare(Path.Combine(Golden, name + ".chains.txt"), chains)).ToList();
        Assert.True(changed.Count == 0, string.Join("\n", changed));
    }

    /// <summary>What differs between the recorded lines and <paramref name="actual"/>; records them instead when asked to.</summary>
    private static IEnumerable<string> Compare(string file, IReadOnlyList<string> actual)
    {
        if (Environment.GetEnvironmentVariable("IAMGOV_GOLDEN_UPDATE") == "1")
        {
            File.WriteAllLines(file, actual);
            return [];
        }
        if (!File.Exists(file))
        {
            return [$"{file}: not recorded (IAMGOV_GOLDEN_UPDATE=1 records it)"];
        }
        var recorded = File.ReadAllLines(file);
        var missing = recorded.Except(actual, StringComparer.Ordinal).Select(l => $"{Path.GetFileName(file)}: no longer found: {l}");
        var added = actual.Except(recorded, StringComparer.Ordinal).Select(l => $"{Path.GetFileName(file)}: newly found: {l}");
        var counts = recorded.Length == actual.Count ? [] : new[] { $"{Path.GetFileName(file)}: {recorded.Length} recorded, {actual.Count} now" };
        return missing.Concat(added).Concat(counts).Take(40);
    }
}
