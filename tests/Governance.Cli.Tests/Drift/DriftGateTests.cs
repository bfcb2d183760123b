using System.Text.Json;
using System.Text.Json.Nodes;
using TestSupport.Files;
using TestSupport.Paths;
using static Governance.Cli.Tests.Commands.GateCli;

namespace Governance.Cli.Tests.Drift;

/// <summary>
/// <c>iamgov drift --fail-on</c> and <c>--exclusions</c>. The demo account against <c>policies/</c> drifts at every
/// severity: platform-admin's admin access (Critical NewRisk), data-engineer's and etl-runner's policies (High),
/// ml-engineer missing (Medium), data-analyst's tags (Low).
/// </summary>
public sealed class DriftGateTests : IDisposable
{
    private static readonly string Policies = RepositoryPaths.Policies;
    private static readonly string Demo = Path.Combine(Policies, "demo-account.json");
    private readonly TempFolder _folder = TempFolder.Create();

    public void Dispose() => _folder.Dispose();

    private string Write(string name, string text)
    {
        var file = Path.Combine(_folder.Path, name);
        File.WriteAllText(file, text);
        return file;
    }

    [Theory]
    [InlineData("CRITICAL")]
    [InlineData("HIGH")]
    [InlineData("MEDIUM")]
    [InlineData("LOW")]
    public void Drift_FailOnWithoutPrevious_FailsWhenAFindingIsAtOrAbove(string level)
    {
        // Act
        var (code, stdout, stderr) = Run(null, "drift", "--desired", Policies, "--account", Demo, "--fail-on", level, "-o", "json");

        // Assert
        Assert.Equal(1, code);
        using var json = JsonDocument.Parse(stdout);
        var order = new[] { "Low", "Medium", "High", "Critical" };
        var atOrAbove = json.RootElement.GetProperty("findings").EnumerateArray()
            .Count(f => Array.IndexOf(order, f.GetProperty("severity").GetString()) >= Array.IndexOf(order, char.ToUpperInvariant(level[0]) + level[1..].ToLowerInvariant()));
        Assert.Contains($"iamgov: {atOrAbove} finding{(atOrAbove == 1 ? "" : "s")} at or above {level}; failing as --fail-on {level} asks", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Drift_FailOnAboveEveryFindingLeft_Passes()
    {
        // Arrange: the one Critical finding excluded, High ones remain below CRITICAL
        var exclusions = Write("exclusions.json", Exclusions("2027-03-31", "AdminEquivalent"));

        // Act
        var (code, stdout, stderr) = Run(null, "drift", "--desired", Policies, "--account", Demo, "--exclusions", exclusions, "--fail-on", "CRITICAL");

        // Assert
        Assert.True(code == 0, stderr);
        Assert.Contains("Excluded (1 finding)", stdout, StringComparison.Ordinal);
        Assert.Contains("NewRisk            arn:aws:iam::111122223333:role/platform-admin", stdout[stdout.IndexOf("Excluded", StringComparison.Ordinal)..],
            StringComparison.Ordinal);
        Assert.Contains("accepted by alice@example.com until 2027-03-31: accepted in review 42", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Drift_FailOnWithoutTheOption_ExitsZeroAsBefore()
    {
        // Act
        var (code, _, _) = Run(null, "drift", "--desired", Policies, "--account", Demo);

        // Assert
        Assert.Equal(0, code);
    }

    [Fact]
    public void Drift_PreviousWithTheSameFindings_NoneNewSoTheGatePasses()
    {
        // Arrange: last night's report of the same account
        var (code, stdout, stderr) = Run(null, "drift", "--desired", Policies, "--account", Demo, "-o", "json");
        Assert.True(code == 0, stderr);
        var previous = Write("previous.json", stdout);

        // Act
        (code, stdout, stderr) = Run(null, "drift", "--desired", Policies, "--account", Demo, "--previous", previous, "--fail-on", "LOW", "-o", "json");

        // Assert
        Assert.True(code == 0, stderr);
        using var json = JsonDocument.Parse(stdout);
        Assert.True(json.RootElement.GetProperty("findings").GetArrayLength() > 0, "the findings are still reported; none is new");
        Assert.DoesNotContain("failing as --fail-on", stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("HIGH", 1)]
    [InlineData("CRITICAL", 0)]
    public void Drift_PreviousAndANewFinding_OnlyTheNewOneCounts(string level, int expected)
    {
        // Arrange: last night's report, then data-engineer drifts further (s3:DeleteBucket: a High PolicyDrift with a new detail)
        var (code, stdout, stderr) = Run(null, "drift", "--desired", Policies, "--account", Demo, "-o", "json");
        Assert.True(code == 0, stderr);
        var previous = Write("previous.json", stdout);
        var account = JsonNode.Parse(File.ReadAllText(Demo))!;
        var role = account["RoleDetailList"]!.AsArray().Single(static r => (string?)r!["RoleName"] == "data-engineer")!;
        role["RolePolicyList"]!.AsArray().Add(JsonNode.Parse("""
            {"PolicyName":"hotfix","PolicyDocument":{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:DeleteBucket","Resource":"arn:aws:s3:::lake-sandbox"}]}}
            """));
        var changed = Write("account.json", account.ToJsonString());

        // Act
        (code, stdout, stderr) = Run(null, "drift", "--desired", Policies, "--account", changed, "--previous", previous, "--fail-on", level, "-o", "json");

        // Assert
        Assert.Equal(expected, code);
        if (expected == 1)
        {
            using var json = JsonDocument.Parse(stdout);
            var high = json.RootElement.GetProperty("findings").EnumerateArray().Count(static f => f.GetProperty("severity").GetString() is "High" or "Critical");
            Assert.Contains($"iamgov: {high} findings at or above HIGH (1 new); failing as --fail-on HIGH asks", stderr, StringComparison.Ordinal);
        }
        else
        {
            Assert.DoesNotContain("failing as --fail-on", stderr, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Drift_DesiredFolderExclusions_AreHonouredByDefault()
    {
        // Arrange: policies/ with its exclusions.json, against the demo organisation whose OrganizationAccountAccessRole it accepts
        var org = Path.Combine(Policies, "demo-org");

        // Act
        var (code, stdout, stderr) = Run(null, "drift", "--desired", Policies, "--org", org, "-o", "json");

        // Assert
        Assert.True(code == 0, stderr);
        using var json = JsonDocument.Parse(stdout);
        const string Role = "arn:aws:iam::777788889999:role/OrganizationAccountAccessRole";
        var excluded = Assert.Single(json.RootElement.GetProperty("excluded").EnumerateArray());
        Assert.Equal(("NewRisk", Role), (excluded.GetProperty("finding").GetProperty("kind").GetString(), excluded.GetProperty("finding").GetProperty("principal").GetString()));
        Assert.Equal("security-team@example.com", excluded.GetProperty("by").GetProperty("approvedBy").GetString());
        Assert.DoesNotContain(json.RootElement.GetProperty("findings").EnumerateArray(),
            static f => f.GetProperty("kind").GetString() == "NewRisk" && f.GetProperty("principal").GetString() == Role);
        Assert.Contains(json.RootElement.GetProperty("findings").EnumerateArray(),
            static f => f.GetProperty("kind").GetString() == "UnmanagedPrincipal" && f.GetProperty("principal").GetString() == Role);
        Assert.Empty(json.RootElement.GetProperty("exclusionWarnings").EnumerateArray());
    }

    [Fact]
    public void Drift_ExpiredExclusion_CountsAgainAndWarns()
    {
        // Arrange
        var exclusions = Write("exclusions.json", Exclusions("2026-11-30", "AdminEquivalent"));

        // Act
        var (code, _, stderr) = Run(null, "drift", "--desired", Policies, "--account", Demo, "--exclusions", exclusions, "--fail-on", "CRITICAL");

        // Assert
        Assert.Equal(1, code);
        Assert.Contains("warning: exclusion (rule `AdminEquivalent`) expired on 2026-11-30", stderr, StringComparison.Ordinal);
        Assert.Contains("iamgov: 1 finding at or above CRITICAL; failing as --fail-on CRITICAL asks", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Drift_InvalidExclusions_CannotRun()
    {
        // Arrange
        var exclusions = Write("exclusions.json", """{"exclusions":[{"finding":{"rule":"AdminEquivalent"},"reason":"r","approvedBy":"a"}]}""");

        // Act
        var (code, stdout, stderr) = Run(null, "drift", "--desired", Policies, "--account", Demo, "--exclusions", exclusions, "--fail-on", "LOW");

        // Assert: the command's could-not-run code, never the gate's answer
        Assert.Equal(Governance.Cli.Commands.DriftCommand.CouldNotRun, code);
        Assert.Empty(stdout);
        Assert.Contains("exclusions.json:1:16: exclusions[0]: required field `expires` is missing", stderr, StringComparison.Ordinal);
    }
}
