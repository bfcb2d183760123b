using TestSupport.Files;
using TestSupport.Paths;
using static Governance.Cli.Tests.Commands.GateCli;

namespace Governance.Cli.Tests.Audit;

/// <summary>
/// <c>iamgov audit --fail-on</c> and <c>--exclusions</c> on the demo account, whose findings are known: carol's
/// escalation (Medium), glue-etl's infrastructure changes (Low) and platform-admin, an administrator (Critical).
/// </summary>
public sealed class AuditGateTests : IDisposable
{
    private static readonly string Demo = Path.Combine(RepositoryPaths.Policies, "demo-account.json");
    private readonly TempFolder _folder = TempFolder.Create();

    public void Dispose() => _folder.Dispose();

    private string ExclusionsFile(string json)
    {
        var file = Path.Combine(_folder.Path, $"exclusions-{Guid.NewGuid():N}.json");
        File.WriteAllText(file, json);
        return file;
    }

    [Theory]
    [InlineData("CRITICAL", "", 1, "1 finding at or above CRITICAL")]
    [InlineData("HIGH", "", 1, "1 finding at or above HIGH")]
    [InlineData("MEDIUM", "", 1, "2 findings at or above MEDIUM")]
    [InlineData("LOW", "", 1, "3 findings at or above LOW")]
    [InlineData("critical", "AdminEquivalent", 0, null)]
    [InlineData("HIGH", "AdminEquivalent", 0, null)]
    [InlineData("MEDIUM", "AdminEquivalent", 1, "1 finding at or above MEDIUM")]
    [InlineData("MEDIUM", "AdminEquivalent PrivilegeEscalation", 0, null)]
    [InlineData("Low", "AdminEquivalent PrivilegeEscalation", 1, "1 finding at or above LOW")]
    [InlineData("LOW", "AdminEquivalent PrivilegeEscalation InfrastructureModification", 0, null)]
    public void Audit_FailOn_FailsAtAndAboveTheSeverityAndPassesBelow(string level, string excluded, int expected, string? why)
    {
        // Arrange
        string[] exclusions = excluded.Length == 0 ? [] : ["--exclusions", ExclusionsFile(Exclusions("2027-03-31", excluded.Split(' ')))];

        // Act
        var (code, stdout, stderr) = Run(null, ["audit", "--account", Demo, "--fail-on", level, .. exclusions]);

        // Assert
        Assert.Equal(expected, code);
        Assert.Contains("9 principals", stdout, StringComparison.Ordinal);
        if (why is null)
        {
            Assert.Empty(stderr);
        }
        else
        {
            Assert.Equal($"iamgov: {why}; failing as --fail-on {level.ToUpperInvariant()} asks{Environment.NewLine}", stderr);
        }
    }

    [Fact]
    public void Audit_FindingsWithoutFailOn_ExitsZeroAsBefore()
    {
        // Act
        var (code, _, stderr) = Run(null, "audit", "--account", Demo);

        // Assert
        Assert.Equal(0, code);
        Assert.Empty(stderr);
    }

    [Theory]
    [InlineData("SEVERE")]
    [InlineData("2")]
    public void Audit_FailOnUnknownSeverity_IsAUsageError(string level)
    {
        // Act
        var (code, stdout, stderr) = Run(null, "audit", "--account", Demo, "--fail-on", level);

        // Assert
        Assert.Equal(2, code);
        Assert.Empty(stdout);
        Assert.Contains($"--fail-on: unknown severity `{level}`; use CRITICAL, HIGH, MEDIUM or LOW", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Audit_ExcludedFinding_LeavesTheGateAndIsListedWithReasonApproverAndExpiry()
    {
        // Arrange
        var file = ExclusionsFile(Exclusions("2027-03-31", "AdminEquivalent"));

        // Act
        var (code, stdout, stderr) = Run(null, "audit", "--account", Demo, "--exclusions", file, "--fail-on", "CRITICAL");

        // Assert
        Assert.True(code == 0, stderr);
        var excluded = stdout.IndexOf("Excluded (1 finding)", StringComparison.Ordinal);
        Assert.True(excluded > 0, stdout);
        Assert.DoesNotContain("AdminEquivalent", stdout[..excluded], StringComparison.Ordinal);
        Assert.Matches(@"role/platform-admin  \(\d+ actions in \d+ services\)\r?\n  no findings \(1 excluded, listed below\)", stdout[..excluded]);
        Assert.Contains("[Critical] AdminEquivalent: Full administrator", stdout[excluded..], StringComparison.Ordinal);
        Assert.Contains("arn:aws:iam::111122223333:role/platform-admin", stdout[excluded..], StringComparison.Ordinal);
        Assert.Contains($"accepted by alice@example.com until 2027-03-31: accepted in review 42 ({file.Replace('\\', '/')}:3:5)", stdout[excluded..], StringComparison.Ordinal);
    }

    [Fact]
    public void Audit_ExpiredExclusion_NoLongerHidesTheFindingAndIsAWarning()
    {
        // Arrange: expired the day before the clock's today
        var file = ExclusionsFile(Exclusions("2026-11-30", "AdminEquivalent"));

        // Act
        var (code, stdout, stderr) = Run(null, "audit", "--account", Demo, "--exclusions", file, "--fail-on", "CRITICAL");

        // Assert
        Assert.Equal(1, code);
        Assert.Contains($"iamgov: {file.Replace('\\', '/')}:3:5: warning: exclusion (rule `AdminEquivalent`) expired on 2026-11-30; the finding it matched count",
            stderr, StringComparison.Ordinal);
        Assert.Contains("iamgov: 1 finding at or above CRITICAL; failing as --fail-on CRITICAL asks", stderr, StringComparison.Ordinal);
        Assert.Contains("[Critical] AdminEquivalent", stdout[..stdout.IndexOf("Excluded (0 findings, 1 exclusion to review)", StringComparison.Ordinal)], StringComparison.Ordinal);
    }

    [Fact]
    public void Audit_StaleExclusion_IsAWarningAndTheGateIsUnchanged()
    {
        // Arrange: the demo account has no key policies at all
        var file = ExclusionsFile(Exclusions("2027-03-31", "KeyDelegation"));

        // Act
        var (code, _, stderr) = Run(null, "audit", "--account", Demo, "--exclusions", file, "--fail-on", "HIGH");

        // Assert
        Assert.Equal(1, code);
        Assert.Contains("3:5: warning: exclusion (rule `KeyDelegation`) matches no finding; remove it, or fix what it matches", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Audit_ExclusionsOnStandardInput_AreRead()
    {
        // Act
        var (code, stdout, stderr) = Run(Exclusions("2027-03-31", "AdminEquivalent"), "audit", "--account", Demo, "--exclusions", "-", "--fail-on", "CRITICAL");

        // Assert
        Assert.True(code == 0, stderr);
        Assert.Contains("(standard input:3:5)", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Audit_InvalidExclusionsFile_NamesEachProblemWithItsPlaceAndExitsTwo()
    {
        // Arrange
        const string Line3 = """    {"finding": {"rule": "AdminEquivalnt"}, "reason": "", "approvedBy": "alice", "expires": "2099-01-01"}""";
        var file = ExclusionsFile("{\n  \"exclusions\": [\n" + Line3 + "\n  ]\n}\n");
        int Column(string value) => Line3.IndexOf(value, StringComparison.Ordinal) + 1;

        // Act
        var (code, stdout, stderr) = Run(null, "audit", "--account", Demo, "--exclusions", file);

        // Assert
        Assert.Equal(2, code);
        Assert.Empty(stdout);
        var name = file.Replace('\\', '/');
        Assert.Equal(
        [
            $"iamgov: {name}:3:{Column("\"AdminEquivalnt\"")}: exclusions[0].finding.rule: unknown rule `AdminEquivalnt`; expected a risk category, an escalation path id or a drift kind; did you mean `AdminEquivalent`?",
            $"iamgov: {name}:3:{Column("\"\",")}: exclusions[0].reason: expected a non-empty string, found an empty one",
            $"iamgov: {name}:3:{Column("\"2099-01-01\"")}: exclusions[0].expires: `2099-01-01` is more than 1 year ahead; an accepted risk is reviewed at least yearly, so expire it by 2027-12-01",
        ], stderr.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void Audit_ExclusionsFileMissing_SaysSoAndExitsTwo()
    {
        // Act
        var (code, _, stderr) = Run(null, "audit", "--account", Demo, "--exclusions", Path.Combine(_folder.Path, "none.json"));

        // Assert
        Assert.Equal(2, code);
        Assert.Contains("none.json: no such file", stderr, StringComparison.Ordinal);
    }
}
