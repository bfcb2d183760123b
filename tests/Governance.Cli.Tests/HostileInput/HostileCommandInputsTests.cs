using static Governance.Cli.Tests.Simulation.SimulationCases;
using static TestSupport.Cli.CliRunner;

namespace Governance.Cli.Tests.HostileInput;

/// <summary>
/// Issue 15 through the commands that read JSON files: a lone surrogate escape is one line on stderr naming the file
/// and the place, never a stack trace.
/// </summary>
public sealed class HostileCommandInputsTests
{
    [Fact]
    public void CanI_SnapshotWithLoneSurrogate_NamesFileAndPlaceAndExitsTwo()
    {
        // Arrange: before issue 15 the snapshot reader threw when it read the user name
        var account = TempFile("""{"UserDetailList":[{"UserName":"\ud800","Arn":"arn:aws:iam::111122223333:user/a"}]}""", ".json");

        // Act
        var (exit, stdout, stderr) = Run("can-i", "s3:GetObject", "*", "--as", "a", "--account", account);

        // Assert
        AssertNoStackTrace(stdout + stderr);
        Assert.Equal(2, exit);
        Assert.Contains($"{account}: line 1: UserDetailList[0].UserName: invalid escape: lone surrogate `\\ud800`", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void CanI_SnapshotThatIsNotUtf8_SaysSo()
    {
        var account = TempFile("{\"UserDetailList\":[{\"UserName\":\"a\u00e9\"}]}", ".json");
        File.WriteAllBytes(account, [.. File.ReadAllBytes(account).Select(static b => b == 0xC3 ? (byte)0xC0 : b)]);

        var (exit, stdout, stderr) = Run("can-i", "s3:GetObject", "*", "--as", "a", "--account", account);

        AssertNoStackTrace(stdout + stderr);
        Assert.Equal(2, exit);
        Assert.Contains("invalid UTF-8: byte `0xC0`", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Simulate_CaseWithLoneSurrogate_ReportsItsLineAndGoesOn()
    {
        var file = TempFile(AllowCase.Replace("alice", "al\\udc00ice", StringComparison.Ordinal) + "\n" + AllowCase + "\n");

        var (exit, stdout, stderr) = Run("simulate", "--cases", file, "--check");

        AssertNoStackTrace(stdout + stderr);
        Assert.Equal(1, exit);
        Assert.Contains($"{Path.GetFileName(file)}:1:", stderr, StringComparison.Ordinal);
        Assert.Contains("lone surrogate `\\udc00`", stderr, StringComparison.Ordinal);
        Assert.EndsWith("1 passed, 1 failed\n", stdout.ReplaceLineEndings("\n"), StringComparison.Ordinal);
    }

    [Fact]
    public void SimulateCustomPolicy_InputWithLoneSurrogate_IsOneLineOnStderr()
    {
        var input = TempFile("""{"ActionNames":["s3:Get\ud800Object"],"PolicyInputList":[]}""", ".json");

        var (exit, stdout, stderr) = Run("simulate-custom-policy", "--cli-input-json", "file://" + input);

        AssertNoStackTrace(stdout + stderr);
        Assert.Equal(2, exit);
        Assert.Contains("lone surrogate `\\ud800`", stderr, StringComparison.Ordinal);
        Assert.Single(stderr.Trim().Split('\n'));
    }

    private static void AssertNoStackTrace(string output)
    {
        Assert.DoesNotContain("Unhandled exception", output, StringComparison.Ordinal);
        Assert.DoesNotContain("failed (", output, StringComparison.Ordinal); // CliApp's line for an exception a command let through
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
    }
}
