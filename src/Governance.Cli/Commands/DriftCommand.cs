using System.CommandLine;
using Governance.Cli.Inputs;
using Governance.Cli.Output;
using Governance.Core.Accounts;
using Governance.Core.Drift;
using Governance.Core.Drift.Records;
using Governance.Core.Exclusions;
using Governance.Core.Reports;
using PolicyEngine.Syntax;

namespace Governance.Cli.Commands;

/// <summary>
/// <c>iamgov drift --desired DIR (--account FILE... | --org DIR [--roles-account ID]) [--previous FILE] [-o text|json|markdown|html] [--output-file FILE]</c>:
/// the nightly drift audit from the command line, comparing the roles kept as code in <c>DIR/roles/</c> with an account
/// snapshot, and with the previous run's JSON report when given. With <c>--org</c> the roles are compared with the
/// member accounts' IAM (as if each were an <c>--account</c> file, the account <c>roles/</c> describes first; see
/// <see cref="OrganizationDriftInputs"/>), and the organisation's SCPs and RCPs with <c>DIR/guardrails/</c>. Exits 0 whether or not it finds drift (CI reads the findings), and 2 when it
/// cannot run (a usage error or an input it cannot read); with <c>--fail-on SEVERITY</c>, 1 when a finding not excluded is at or above it (with
/// <c>--previous</c>, only a finding new since that report). <c>--exclusions FILE</c> (default <c>DIR/exclusions.json</c> when it exists)
/// lists the findings its entries accept apart.
/// </summary>
internal static class DriftCommand
{
    /// <summary>The exit code when the audit could not run: a usage error's, as every command's.</summary>
    public const int CouldNotRun = CliApp.CouldNotRun;

    public static Command Create(CliContext context)
    {
        var desired = new Option<DirectoryInfo>("--desired") { Description = "the policies folder; its roles/ holds the roles kept as code", Required = true };
        var accounts = InputFileOption.Repeated("--account", "an account snapshot (aws iam get-account-authorization-details); repeat for several accounts");
        var organization = new Option<string?>("--org")
        {
            Description = "an organisation snapshot folder: the member accounts' IAM against roles/, and its SCPs and RCPs against guardrails/",
        };
        var rolesAccount = new Option<string?>("--roles-account")
        {
            Description = "with --org: the member account roles/ describes (default: the one holding the most of its roles)",
        };
        var previous = InputFileOption.Single("--previous", "the previous run's report (-o json): NewRisk and the access delta are then measured since it");
        var format = ReportOutput.CreateFormatOption();
        var outputFile = OutputFileOption.Create("write the report to this file instead of standard output");
        var exclusions = InputFileOption.Single("--exclusions", "reviewed findings and accepted risks to list apart; default: exclusions.json in --desired when it exists");
        var failOn = FailOnOption.Create("exit 1 when a finding at or above this severity is reported; with --previous, only a new one (excluded findings never count)");
        var command = new Command("drift", "compare the roles (and with --org the SCPs and RCPs) kept as code with an account or organisation snapshot")
        {
            desired, accounts, organization, rolesAccount, previous, format, outputFile, exclusions, failOn,
        };
        command.SetAction(parse =>
        {
            (int Exit, DriftReport? Report, DriftReport? Previous) run = (CouldNotRun, null, null);
            var exit = OutputDestination.Run(parse, outputFile, stdout => (run = Run(parse.GetValue(desired)!, parse.GetValue(accounts) ?? [],
                parse.GetValue(organization), parse.GetValue(rolesAccount), parse.GetValue(previous), ReportOutput.Format(parse.GetValue(format)!),
                parse.GetValue(exclusions), parse, context, stdout)).Exit);
            return exit != 0 ? exit : Gate(run, parse.GetValue(failOn), parse.InvocationConfiguration.Error);
        });
        return command;
    }

    /// <summary>The exit code of a run that answered: 0, or the gate's with <c>--fail-on</c>.</summary>
    private static int Gate((int Exit, DriftReport? Report, DriftReport? Previous) run, Core.Risk.RiskSeverity? failOn, TextWriter stderr)
    {
        if (run.Report is not { } report || failOn is not { } level)
        {
            return run.Exit;
        }
        var previous = run.Previous;
        return SeverityGate.Check(report.Findings.Select(f => (f.Severity, previous is null || DriftFindingsSince.IsNew(f, previous))), level,
            newOnly: previous is not null, stderr);
    }

    private static (int Exit, DriftReport? Report, DriftReport? Previous) Run(DirectoryInfo desired, string[] accounts, string? organizationPath,
        string? rolesAccount, string? previousFile, ReportFormat format, string? exclusionsPath, ParseResult parse, CliContext context, TextWriter stdout)
    {
        var time = context.Time;
        var standardInput = context.StandardInput;
        var stderr = parse.InvocationConfiguration.Error;
        if (!desired.Exists)
        {
            stderr.WriteLine($"iamgov: --desired {desired}: no such folder");
            return (CouldNotRun, null, null);
        }
        if ((accounts.Length > 0) == (organizationPath is not null))
        {
            stderr.WriteLine("iamgov: give exactly one of --account FILE (one account's IAM) and --org DIR (an organisation snapshot)");
            return (CouldNotRun, null, null);
        }
        var (roles, roleErrors) = RoleDefinitionLoader.LoadDirectory(Path.Combine(desired.FullName, "roles"));
        var errors = new List<string>();
        var inputs = organizationPath is null
            ? Account(accounts, standardInput, errors) is { } account ? new OrganizationDriftInputs(account, null, []) : null
            : OrganizationDriftInputs.Read(organizationPath, standardInput, Path.Combine(desired.FullName, "guardrails"), roles, rolesAccount, errors, stderr);
        var (previous, previousError) = previousFile is null ? (null, null) : ReadPrevious(previousFile, standardInput);
        errors.AddRange(roleErrors.Select(static e => $"roles/{e}"));
        if (previousError is not null)
        {
            errors.Add(previousError);
        }
        if (inputs is null || errors.Count > 0)
        {
            foreach (var error in errors)
            {
                stderr.WriteLine($"iamgov: {MessageText.OneLine(error)}");
            }
            return (CouldNotRun, null, null);
        }
        // The folder's own file is reviewed with the roles it excludes findings of; an explicit file replaces it.
        // Named as the user named the folder, so a warning reads `policies/exclusions.json:6:5`.
        var defaultExclusions = Path.Combine(desired.ToString(), ExclusionsFile.FileName);
        exclusionsPath ??= File.Exists(defaultExclusions) ? defaultExclusions : null;
        var now = time.GetUtcNow();
        if (ExclusionsInput.Read(exclusionsPath, context.StandardInput, now, stderr) is not { } accepted)
        {
            return (CouldNotRun, null, null);
        }
        var report = DriftAudit.Run(Guid.NewGuid(), new DesiredState(roles, []) { Guardrails = inputs.Guardrails }, inputs.State, now, previous,
            inputs.Organization);
        report = DriftExclusions.Apply(report, accepted, now);
        ExclusionsInput.Warn(report.ExclusionWarnings, stderr);
        using (var stream = new TextWriterStream(stdout))
        {
            // Streamed as it is written: an organisation's report, with its baseline, is a hundred megabytes.
            ReportRenderer.Write(report, format, previous is null ? [] : [DriftReportSummary.Of(previous)], stream);
        }
        stdout.Flush();
        return (0, report, previous);
    }

    private static AccountState? Account(string[] files, Stream standardInput, List<string> errors)
    {
        var (state, fileErrors) = AccountFiles.Load(files, standardInput);
        errors.AddRange(fileErrors.Select(static e => e.Message));
        return state;
    }

    private static (DriftReport? Report, string? Error) ReadPrevious(string path, Stream standardInput)
    {
        var (bytes, readError) = InputFile.Read(path, standardInput);
        if (bytes is null)
        {
            return (null, readError!.Message);
        }
        var shown = InputFile.DisplayName(path);
        // Checked here too, so that broken JSON is told as FILE:LINE:COLUMN, as every other input's; read from the bytes,
        // never as a string or a document: a previous organisation report is a hundred megabytes.
        if (JsonTextCheck.Check(bytes, JsonTextRules.Default) is { } problem)
        {
            return (null, $"{shown}:{problem.Line}:{problem.Column}: {problem.Message}");
        }
        var read = DriftReportJson.Read(bytes, shown);
        return read.Success ? (read.Value, null) : (null, read.Error.Detail);
    }
}
