using System.CommandLine;
using Governance.Cli.Inputs;
using Governance.Core.Drift;
using Governance.Core.Drift.Records;
using Governance.Core.Reports;

namespace Governance.Cli.Commands;

/// <summary>
/// <c>iamgov drift --desired DIR --account FILE... [--previous FILE] [--format text|json|markdown|html]</c>: the nightly
/// drift audit from the command line, comparing the roles kept as code in <c>DIR/roles/</c> with an account snapshot,
/// and with the previous run's JSON report when given. Exits 0 whether or not it finds drift (CI reads the findings),
/// and 1 only when it cannot run.
/// </summary>
internal static class DriftCommand
{
    /// <summary>The exit code when the audit could not run.</summary>
    public const int CouldNotRun = 1;

    public static Command Create(TimeProvider time)
    {
        var desired = new Option<DirectoryInfo>("--desired") { Description = "the policies folder; its roles/ holds the roles kept as code", Required = true };
        var accounts = new Option<FileInfo[]>("--account") { Description = "an account snapshot (aws iam get-account-authorization-details); repeatable", Required = true, AllowMultipleArgumentsPerToken = true };
        var previous = new Option<FileInfo?>("--previous") { Description = "the previous run's report (--format json): NewRisk and the access delta are then measured since it" };
        var format = ReportFormatOption.Create();
        var command = new Command("drift", "compare the roles kept as code with an account snapshot") { desired, accounts, previous, format };
        command.SetAction(parse => Run(parse.GetValue(desired)!, parse.GetValue(accounts) ?? [], parse.GetValue(previous), parse.GetValue(format), parse, time));
        return command;
    }

    private static int Run(DirectoryInfo desired, FileInfo[] accounts, FileInfo? previousFile, ReportFormat format, ParseResult parse, TimeProvider time)
    {
        var stdout = parse.InvocationConfiguration.Output;
        var stderr = parse.InvocationConfiguration.Error;
        if (!desired.Exists)
        {
            stderr.WriteLine($"iamgov: {desired.FullName}: folder does not exist");
            return CouldNotRun;
        }
        var (roles, roleErrors) = RoleDefinitionLoader.LoadDirectory(Path.Combine(desired.FullName, "roles"));
        var (state, errors) = AccountFiles.Load(accounts);
        var (previous, previousError) = previousFile is null ? (null, null) : ReadPrevious(previousFile);
        if (state is null || !roleErrors.IsEmpty || previousError is not null)
        {
            foreach (var error in errors)
            {
                stderr.WriteLine($"iamgov: {error.Message}");
            }
            foreach (var error in roleErrors)
            {
                stderr.WriteLine($"iamgov: roles/{error.File}: {(error.JsonPath.Length > 0 ? error.JsonPath + ": " : string.Empty)}{error.Message}");
            }
            if (previousError is not null)
            {
                stderr.WriteLine($"iamgov: {previousError}");
            }
            return CouldNotRun;
        }
        var report = DriftAudit.Run(Guid.NewGuid(), new DesiredState(roles, []), state, time.GetUtcNow(), previous);
        stdout.Write(ReportFormatOption.AsFile(ReportRenderer.Render(report, format, previous is null ? [] : [DriftReportSummary.Of(previous)])));
        return 0;
    }

    private static (DriftReport? Report, string? Error) ReadPrevious(FileInfo file)
    {
        if (!file.Exists)
        {
            return (null, $"{file.FullName}: no such file");
        }
        string text;
        try
        {
            text = File.ReadAllText(file.FullName);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return (null, $"{file.FullName}: {e.Message}");
        }
        var read = DriftReportJson.Read(text, file.FullName);
        return read.Success ? (read.Value, null) : (null, read.Error.Detail);
    }
}
