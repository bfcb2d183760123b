using Governance.Cli;

namespace TestSupport.Cli;

/// <summary>Runs <c>iamgov</c> in-process and captures what it prints.</summary>
public static class CliRunner
{
    /// <summary>Runs <c>iamgov</c> with <paramref name="args"/>, as the process would, and returns its exit code and output.</summary>
    public static (int ExitCode, string Stdout, string Stderr) Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = CliApp.Run(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    /// <summary>As <see cref="Run"/>, with <paramref name="stdin"/> as standard input (read where a file is named <c>-</c>).</summary>
    public static (int ExitCode, string Stdout, string Stderr) RunWithInput(byte[] stdin, params string[] args)
    {
        using var input = new MemoryStream(stdin, writable: false);
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = CliApp.Run(args, input, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }
}
