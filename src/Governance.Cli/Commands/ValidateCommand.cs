using System.CommandLine;
using Governance.Cli.Inputs;
using Governance.Cli.Output;
using Governance.Cli.Validation;
using PolicyEngine.Validation;

namespace Governance.Cli.Commands;

/// <summary>
/// <c>iamgov validate PATH... [--kind KIND] [--container CONTAINER] [-o text|json|sarif] [--output-file FILE]</c>:
/// validates a policies repository, or single policy files (<c>-</c> for standard input), as IAM Access Analyzer does.
/// Below a folder every <c>*.json</c> is read as what it is: SCPs and RCPs under <c>guardrails/scp/</c> and
/// <c>guardrails/rcp/</c>, role definitions (trust policy, inline policies, managed policy and boundary ARNs), permission
/// sets (their statements as the policy a grant renders), plain policies; other JSON (snapshots, approval rules) is
/// skipped and said. Exit code 0 when nothing fails; 1 when a finding is an error, a file cannot be read, or nothing
/// was validated; 2 for a usage error.
/// </summary>
internal static class ValidateCommand
{
    /// <summary>Exit code when the gate fails: an error, an unreadable file, or nothing validated.</summary>
    public const int ErrorsFound = 1;

    private static readonly string[] Kinds = ["identity", "resource", "trust", "boundary", "session", "scp", "rcp", "accesspoint", "vpc-endpoint"];

    public static Command Create(CliContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var paths = new Argument<string[]>("PATH")
        {
            Description = "Policy files, folders (every *.json below them, read as what it is), or - for standard input",
            Arity = ArgumentArity.OneOrMore,
        };
        var kind = Choice("--kind", "What plain policy files are used as (without it: scp or rcp under guardrails/, else identity); "
            + "role and permission-set files carry their own kinds", Kinds, withDefault: false);
        var container = Choice("--container", "Where identity policies are stored, which sets their size quota",
            [.. ContainerNames.All], withDefault: true);
        var output = OutputOption.Create("Output: text (one finding a line), json, or sarif (SARIF 2.1.0 for GitHub code scanning)",
            "text", "json", "sarif");
        var outputFile = OutputFileOption.Create();

        var command = new Command("validate", "Validate a policies repository or policy files as IAM Access Analyzer does")
        {
            paths, kind, container, output, outputFile,
        };
        command.SetAction(parseResult =>
        {
            var given = parseResult.GetValue(kind);
            var settings = new ValidationSettings(
                given is null ? null : Enum.Parse<PolicyKind>(given.Replace("-", "", StringComparison.Ordinal), ignoreCase: true),
                ContainerNames.Parse(parseResult.GetValue(container)!));
            return Run(parseResult.GetValue(paths)!, settings, parseResult.GetValue(output)!, parseResult.GetValue(outputFile),
                context.StandardInput, parseResult.InvocationConfiguration.Output, parseResult.InvocationConfiguration.Error);
        });
        return command;
    }

    private static int Run(string[] paths, ValidationSettings settings, string format, FileInfo? outputFile, Stream standardInput,
        TextWriter output, TextWriter error)
    {
        if (paths.Count(InputFile.IsStandardInput) > 1)
        {
            error.WriteLine("iamgov: PATH: standard input (-) can be named once");
            return CliApp.UsageError;
        }
        foreach (var path in paths.Where(p => !InputFile.IsStandardInput(p) && !File.Exists(p) && !Directory.Exists(p)))
        {
            error.WriteLine($"iamgov: {InputFile.DisplayName(path)}: no such file or folder");
            return CliApp.UsageError;
        }

        var run = RepositoryValidator.Run(paths, settings, standardInput);
        foreach (var skipped in run.Skipped)
        {
            error.WriteLine($"iamgov: {skipped.Path}: skipped: {skipped.Reason}");
        }
        foreach (var unreadable in run.Unreadable)
        {
            error.WriteLine($"iamgov: {unreadable}");
        }
        if (run.Files.Count == 0)
        {
            error.WriteLine($"iamgov: nothing validated: no policy, role definition or permission set in {string.Join(", ", paths.Select(InputFile.DisplayName))}"
                + (run.Skipped.Count > 0 ? $" ({run.Skipped.Count} {(run.Skipped.Count == 1 ? "file" : "files")} skipped)" : string.Empty));
        }

        using var report = new StringWriter();
        switch (format)
        {
            case "json":
                JsonReportWriter.Write(report, run);
                break;
            case "sarif":
                SarifReportWriter.Write(report, run, SourceRoot.Find(paths, Directory.GetCurrentDirectory()));
                break;
            default:
                TextReportWriter.Write(report, run);
                break;
        }
        if (outputFile is null)
        {
            output.Write(report.ToString());
        }
        else
        {
            try
            {
                File.WriteAllText(outputFile.FullName, report.ToString());
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                error.WriteLine($"iamgov: --output-file: {outputFile.FullName} cannot be written ({e.Message.Split('\n')[0].Trim()})");
                return CliApp.CouldNotRun;
            }
        }
        return run.Fails ? ErrorsFound : 0;
    }

    /// <summary>
    /// An option taking one of <paramref name="names"/> in any case, refused in the user's words otherwise; its default
    /// is <paramref name="names"/>[0] when <paramref name="withDefault"/>, else null.
    /// </summary>
    private static Option<string?> Choice(string name, string description, string[] names, bool withDefault)
    {
        var option = new Option<string?>(name)
        {
            Description = description,
            HelpName = string.Join('|', names),
            CustomParser = result =>
            {
                var token = result.Tokens.Count == 1 ? result.Tokens[0].Value : string.Empty;
                var found = names.FirstOrDefault(n => string.Equals(n, token, StringComparison.OrdinalIgnoreCase));
                if (found is null)
                {
                    result.AddError($"{name}: `{token}` is not one of {OutputOption.OneOf(names)}");
                }
                return found ?? names[0];
            },
        };
        if (withDefault)
        {
            option.DefaultValueFactory = _ => names[0];
        }
        option.CompletionSources.Add(names);
        return option;
    }
}
