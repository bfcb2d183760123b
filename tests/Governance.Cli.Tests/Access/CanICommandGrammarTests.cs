using TestSupport.Cli;
using TestSupport.Files;
using TestSupport.Paths;

namespace Governance.Cli.Tests.Access;

/// <summary>Issue 17 through <c>can-i</c>: options anywhere, <c>-q</c>, the reason beside <c>no</c>, standard input, the output file.</summary>
public sealed class CanICommandGrammarTests
{
    private static readonly string Example = TestData.Account("cloudsplaining-example.json");
    private static readonly string Demo = Path.Combine(RepositoryPaths.Policies, "demo-account.json");
    private static readonly string DataAllowList = Path.Combine(RepositoryPaths.Policies, "guardrails", "scp", "DataAllowList.json");

    [Fact]
    public void CanI_AccountBeforeTheArguments_TakesOneFileAndLeavesTheArguments()
    {
        // Act: the line; before, --account took every word after it and the arguments were missing
        var (exit, stdout, stderr) = CliRunner.Run("can-i", "--as", "privesc-AssumeRole-starting-role", "--account", Example,
            "sts:AssumeRole", "arn:aws:iam::200611803367:role/privesc-AssumeRole-intermediate-role");

        // Assert
        Assert.True(exit == 0, stderr);
        Assert.Equal("yes", stdout.Trim());
    }

    [Fact]
    public void CanI_TwoAccountsBeforeTheArguments_ReadsBoth()
    {
        // Act: data-engineer is in the demo account only; the example's file is read too, or it would be an error
        var (exit, stdout, stderr) = CliRunner.Run("can-i", "--account", Example, "--account", Demo, "--as", "role/data-engineer",
            "s3:GetObject", "arn:aws:s3:::lake-sandbox/2024/01/events.parquet");

        // Assert
        Assert.True(exit == 0, stderr);
        Assert.Equal("yes", stdout.Trim());
    }

    [Fact]
    public void CanI_Quiet_PrintsNothingAndAnswersWithTheExitCode()
    {
        // Act
        var yes = CliRunner.Run("can-i", "-q", "s3:GetObject", "arn:aws:s3:::lake-sandbox/a", "--as", "role/data-engineer", "--account", Demo);
        var no = CliRunner.Run("can-i", "--quiet", "iam:CreateUser", "*", "--as", "role/data-engineer", "--account", Demo, "--explain");
        var error = CliRunner.Run("can-i", "-q", "s3:GetObject", "*", "--as", "role/nobody", "--account", Demo);

        // Assert
        Assert.Equal((0, "", ""), yes);
        Assert.Equal((1, "", ""), no);
        Assert.Equal(2, error.ExitCode);
        Assert.Empty(error.Stdout);
        Assert.StartsWith("iamgov: ", error.Stderr, StringComparison.Ordinal); // an error is still told: only the answer is silent
    }

    [Fact]
    public void CanI_DeniedByAnScpLevel_SaysNoAndTheLevelInOneLine()
    {
        // Act: DataAllowList allows data services only, so an EC2 call finds no allow at level 1
        var (exit, stdout, _) = CliRunner.Run("can-i", "ec2:RunInstances", "*", "--as", "user/biden", "--account", Example,
            "--scp", Path.Combine(RepositoryPaths.Root, "docs", "examples", "scp-root.json"), "--scp", DataAllowList);

        // Assert
        Assert.Equal(1, exit);
        Assert.Equal("no - no service control policy at level 1 allows the request", stdout.Trim());
    }

    [Fact]
    public void CanI_ExplicitDeny_NamesThePolicyTheStatementAndTheLine()
    {
        // Arrange
        using var folder = TempFolder.Create();
        var scp = Path.Combine(folder, "DenyEc2.json");
        File.WriteAllText(scp, """
            {"Version": "2012-10-17",
             "Statement": [{"Sid": "NoEc2", "Effect": "Deny", "Action": "ec2:*", "Resource": "*"}]}
            """);

        // Act
        var (exit, stdout, _) = CliRunner.Run("can-i", "ec2:RunInstances", "*", "--as", "user/biden", "--account", Example, "--scp", scp);

        // Assert
        Assert.Equal(1, exit);
        Assert.Equal("no - the SCP `DenyEc2.json` at level 0 denies (Sid `NoEc2`, line 2)", stdout.Trim());
    }

    [Fact]
    public void CanI_AccountFromStandardInput_AnswersAsFromTheFile()
    {
        // Act
        var piped = CliRunner.RunWithInput(File.ReadAllBytes(Demo), "can-i", "s3:GetObject", "arn:aws:s3:::lake-sandbox/a", "--as", "role/data-engineer", "--account", "-");
        var named = CliRunner.Run("can-i", "s3:GetObject", "arn:aws:s3:::lake-sandbox/a", "--as", "role/data-engineer", "--account", Demo);

        // Assert
        Assert.Equal(0, piped.ExitCode);
        Assert.Equal(named, piped);
    }

    [Fact]
    public void CanI_StandardInputNamedTwice_IsAUsageErrorBeforeAnythingIsRead()
    {
        // Act
        var (exit, stdout, stderr) = CliRunner.RunWithInput(File.ReadAllBytes(Demo), "can-i", "s3:GetObject", "*", "--as", "role/data-engineer",
            "--account", "-", "--scp=-");

        // Assert
        Assert.Equal(CliApp.UsageError, exit);
        Assert.Empty(stdout);
        Assert.Equal("iamgov: `-` (standard input) is given 2 times; standard input can be read once, so name the other inputs as files", stderr.Trim());
    }

    [Fact]
    public void CanI_OutputFile_WritesTheAnswerThereAndNothingOnStandardOutput()
    {
        // Arrange
        using var folder = TempFolder.Create();
        var file = Path.Combine(folder, "answer.json");

        // Act
        var (exit, stdout, stderr) = CliRunner.Run("can-i", "s3:GetObject", "arn:aws:s3:::lake-sandbox/a", "--as", "role/data-engineer", "--account", Demo,
            "-o", "JSON", "--output-file", file);

        // Assert
        Assert.True(exit == 0, stderr);
        Assert.Empty(stdout);
        Assert.StartsWith("{\"allowed\":true", File.ReadAllText(file), StringComparison.Ordinal);
    }

    [Fact]
    public void CanI_QuestionThatCannotBeAsked_WritesNoOutputFile()
    {
        // Arrange
        using var folder = TempFolder.Create();
        var file = Path.Combine(folder, "answer.txt");

        // Act
        var (exit, _, _) = CliRunner.Run("can-i", "s3:GetObject", "*", "--as", "role/nobody", "--account", Demo, "--output-file", file);

        // Assert
        Assert.Equal(CliApp.UsageError, exit);
        Assert.False(File.Exists(file), "a command that could not run leaves no file");
    }
}
