using System.Text;
using System.Text.Json;

namespace Governance.Cli.Tests.Simulation;

/// <summary>Runs <c>iamgov simulate-custom-policy</c> in-process, with standard input when a test needs it.</summary>
internal static class SimulateCustomPolicyRunner
{
    /// <summary>A policy as AWS's CLI reference writes it: one line, the statement an object rather than a list.</summary>
    public const string AwsExamplePolicy =
        """{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"dynamodb:*","Resource":"*","Condition":{"DateGreaterThan":{"aws:CurrentTime":"2018-08-16T12:00:00Z"}}}}""";

    public static (int Exit, string Stdout, string Stderr) Run(params string[] args) => RunWithInput(string.Empty, args);

    public static (int Exit, string Stdout, string Stderr) RunWithInput(string stdin, params string[] args)
        => RunWithBytes(Encoding.UTF8.GetBytes(stdin), args);

    public static (int Exit, string Stdout, string Stderr) RunWithBytes(byte[] stdin, params string[] args)
    {
        using var input = new MemoryStream(stdin);
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = CliApp.Run(["simulate-custom-policy", .. args], input, stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    /// <summary>Runs the command and parses its JSON output, failing the test with standard error when it did not succeed.</summary>
    public static JsonElement Results(params string[] args)
    {
        var (exit, stdout, stderr) = Run(args);
        Assert.True(exit == 0, $"exit {exit}: {stderr}");
        return JsonDocument.Parse(stdout).RootElement.Clone();
    }

    /// <summary>A file holding <paramref name="contents"/>, named as the AWS CLI takes it (<c>file://path</c>).</summary>
    public static string FileArgument(string contents, string extension = ".json") => "file://" + SimulationCases.TempFile(contents, extension);

    /// <summary>Every line of standard error is one <c>iamgov:</c> line, without a .NET name or a stack trace.</summary>
    public static void AssertErrorLines(string stderr)
    {
        Assert.False(string.IsNullOrWhiteSpace(stderr), "an error is reported on standard error");
        foreach (var line in stderr.TrimEnd().Split('\n'))
        {
            Assert.StartsWith("iamgov: ", line, StringComparison.Ordinal);
        }
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("System.", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("Governance.", stderr, StringComparison.Ordinal);
    }
}
