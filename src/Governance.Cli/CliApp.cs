using System.CommandLine;
using Governance.Core.Infrastructure.Aws;

namespace Governance.Cli;

/// <summary>The `iamgov` command tree; <see cref="Run(string[], TextWriter, TextWriter)"/> is the whole program, so tests call it in-process.</summary>
public static class CliApp
{
    /// <summary>Exit code for a usage error, as `kubectl auth can-i` and most Unix tools use.</summary>
    public const int UsageError = 2;

    /// <summary>Parses <paramref name="args"/>, runs the chosen command and returns its exit code.</summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr) => Run(args, stdout, stderr, AwsEnvironment.Process);

    /// <summary>As <see cref="Run(string[], TextWriter, TextWriter)"/>, with the AWS environment variables read from <paramref name="aws"/>.</summary>
    internal static int Run(string[] args, TextWriter stdout, TextWriter stderr, AwsEnvironment aws)
    {
        ArgumentNullException.ThrowIfNull(args);
        var root = new RootCommand("iamgov: AWS IAM policy analysis and access governance");
        root.Subcommands.Add(Commands.ValidateCommand.Create());
        root.Subcommands.Add(Commands.CanICommand.Create());
        root.Subcommands.Add(Commands.WhoCanCommand.Create());
        root.Subcommands.Add(Commands.WhatCanCommand.Create(TimeProvider.System));
        root.Subcommands.Add(Commands.AuditCommand.Create(TimeProvider.System));
        root.Subcommands.Add(Commands.DriftCommand.Create(TimeProvider.System));
        root.Subcommands.Add(Commands.SimulateCommand.Create());
        root.Subcommands.Add(Commands.SimulateCustomPolicyCommand.Create());
        root.Subcommands.Add(Commands.BenchCommand.Create());
        root.Subcommands.Add(Commands.TokenCommand.Create());
        root.Subcommands.Add(Commands.SnapshotCommand.Create(TimeProvider.System, aws));
        root.Subcommands.Add(Commands.CredentialsCommand.Create());
        var parse = root.Parse(args);
        var config = new InvocationConfiguration { Output = stdout, Error = stderr };
        return parse.Errors.Count > 0 ? ReportUsage(parse, stderr) : parse.Invoke(config);
    }

    private static int ReportUsage(ParseResult parse, TextWriter stderr)
    {
        foreach (var error in parse.Errors)
        {
            stderr.WriteLine($"iamgov: {error.Message}");
        }
        return UsageError;
    }
}
