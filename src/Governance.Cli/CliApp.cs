using System.CommandLine;
using Governance.Core.Infrastructure.Aws;

namespace Governance.Cli;

/// <summary>The `iamgov` command tree; <see cref="Run(string[], TextWriter, TextWriter)"/> is the whole program, so tests call it in-process.</summary>
public static class CliApp
{
    /// <summary>Exit code for a usage error, as `kubectl auth can-i` and most Unix tools use.</summary>
    public const int UsageError = 2;

    /// <summary>
    /// Exit code for a command that failed in a way it does not answer itself (an input it cannot read, a fault): the
    /// usage error's code, so that no failure reads as an answer (0 allowed, 1 denied).
    /// </summary>
    public const int CouldNotRun = 2;

    /// <summary>Exit code after Ctrl+C, as shells report a process ended by SIGINT.</summary>
    public const int Cancelled = 130;

    /// <summary>Parses <paramref name="args"/>, runs the chosen command and returns its exit code; standard input is empty.</summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr) => Run(args, Stream.Null, stdout, stderr);

    /// <summary>As <see cref="Run(string[], TextWriter, TextWriter)"/>, reading <paramref name="stdin"/> where a file is named <c>-</c>.</summary>
    public static int Run(string[] args, Stream stdin, TextWriter stdout, TextWriter stderr) =>
        Run(args, stdout, stderr, new CliContext(stdin, TimeProvider.System, AwsEnvironment.Process));

    /// <summary>As <see cref="Run(string[], TextWriter, TextWriter)"/>, with the AWS environment variables read from <paramref name="aws"/>.</summary>
    internal static int Run(string[] args, TextWriter stdout, TextWriter stderr, AwsEnvironment aws) =>
        Run(args, stdout, stderr, new CliContext(Stream.Null, TimeProvider.System, aws));

    /// <summary>As <see cref="Run(string[], TextWriter, TextWriter)"/>, with standard input, the clock and the AWS environment from <paramref name="context"/>.</summary>
    internal static int Run(string[] args, TextWriter stdout, TextWriter stderr, CliContext context)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(context);
        var root = new RootCommand("iamgov: AWS IAM policy analysis and access governance");
        root.Subcommands.Add(Commands.ValidateCommand.Create(context));
        root.Subcommands.Add(Commands.CanICommand.Create(context));
        root.Subcommands.Add(Commands.WhoCanCommand.Create(context));
        root.Subcommands.Add(Commands.WhatCanCommand.Create(context));
        root.Subcommands.Add(Commands.AuditCommand.Create(context));
        root.Subcommands.Add(Commands.DriftCommand.Create(context));
        root.Subcommands.Add(Commands.SimulateCommand.Create(context));
        root.Subcommands.Add(Commands.SimulateCustomPolicyCommand.Create(context));
        root.Subcommands.Add(Commands.BenchCommand.Create(context));
        root.Subcommands.Add(Commands.TokenCommand.Create(context));
        root.Subcommands.Add(Commands.SnapshotCommand.Create(context));
        root.Subcommands.Add(Commands.CredentialsCommand.Create(context));
        root.Subcommands.Add(Commands.AuditLogCommand.Create(context));
        root.Subcommands.Add(Commands.AdminCommand.Create(context));
        // The default handler prints the exception with its stack trace; every failure is one line here instead.
        var config = new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false };
        try
        {
            // Parsing runs the options' validators, which are code too.
            var parse = root.Parse(args);
            if (parse.Errors.Count > 0)
            {
                return ReportUsage(parse, stderr);
            }
            return TooManyStandardInputs(parse, stderr) ? UsageError : parse.Invoke(config);
        }
        catch (Exception e)
        {
            return ReportFailure(e, stderr);
        }
    }

    /// <summary>One line on standard error for an exception a command let through, whatever it is; never a stack trace.</summary>
    private static int ReportFailure(Exception e, TextWriter stderr)
    {
        while (e is AggregateException { InnerExceptions.Count: 1 } aggregate)
        {
            e = aggregate.InnerExceptions[0];
        }
        if (e is OperationCanceledException)
        {
            stderr.WriteLine("iamgov: cancelled");
            return Cancelled;
        }
        var message = string.Join(' ', e.Message.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        // Files and settings are the user's to fix: their message says enough. Anything else is a fault, named by its type.
        stderr.WriteLine(e is IOException or UnauthorizedAccessException or InvalidDataException or System.Text.Json.JsonException
            or Amazon.Runtime.AmazonClientException
            ? $"iamgov: {message}"
            : $"iamgov: failed ({e.GetType().Name}): {message}");
        return CouldNotRun;
    }

    private static int ReportUsage(ParseResult parse, TextWriter stderr)
    {
        foreach (var error in parse.Errors)
        {
            stderr.WriteLine($"iamgov: {Commands.UsageErrorText.Describe(error)}");
        }
        return UsageError;
    }

    /// <summary>Standard input can be read once: two options naming <c>-</c> would each get half of it, or nothing.</summary>
    private static bool TooManyStandardInputs(ParseResult parse, TextWriter stderr)
    {
        var readers = parse.Tokens.Where(static t => t.Type == System.CommandLine.Parsing.TokenType.Argument && Inputs.InputFile.IsStandardInput(t.Value)).Count();
        if (readers <= 1)
        {
            return false;
        }
        stderr.WriteLine($"iamgov: `-` (standard input) is given {readers} times; standard input can be read once, so name the other inputs as files");
        return true;
    }
}
