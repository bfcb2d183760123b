using System.CommandLine;
using Governance.Cli.Inputs;
using Governance.Core.Reports;
using Governance.Core.Risk;

namespace Governance.Cli.Commands;

/// <summary>
/// <c>iamgov audit --account FILE... [--principal P] [--format text|json|markdown|html] [--out FILE]</c>: the risk
/// findings and effective-access summary of every principal (or one), with totals.
/// </summary>
internal static class AuditCommand
{
    public static Command Create(TimeProvider time)
    {
        var accounts = new Option<FileInfo[]>("--account") { Description = "an account snapshot (aws iam get-account-authorization-details); repeatable", Required = true, AllowMultipleArgumentsPerToken = true };
        var principal = new Option<string?>("--principal") { Description = "audit only this principal: an ARN, role/NAME, user/NAME or a unique name" };
        var format = ReportFormatOption.Create();
        var output = new Option<FileInfo?>("--out") { Description = "write the report to this file instead of standard output" };
        var command = new Command("audit", "report privilege escalation, admin-equivalent access and other risks for every principal") { accounts, principal, format, output };
        command.SetAction(parse => Run(parse.GetValue(accounts) ?? [], parse.GetValue(principal), parse.GetValue(format), parse.GetValue(output), parse, time));
        return command;
    }

    private static int Run(FileInfo[] accounts, string? principal, ReportFormat format, FileInfo? output, ParseResult parse, TimeProvider time)
    {
        var stdout = parse.InvocationConfiguration.Output;
        var stderr = parse.InvocationConfiguration.Error;
        var (state, errors) = AccountFiles.Load(accounts);
        if (state is null)
        {
            foreach (var error in errors)
            {
                stderr.WriteLine($"iamgov: {error.Message}");
            }
            return CliApp.UsageError;
        }
        string? only = null;
        if (principal is not null)
        {
            var lookup = state.Find(principal);
            if (lookup.Principal is not { } found)
            {
                stderr.WriteLine($"iamgov: {lookup.Error}");
                return CliApp.UsageError;
            }
            only = found.Arn;
        }
        var audit = AccountAnalyzer.Analyze(state, new RiskAnalysisOptions(time.GetUtcNow(), only));
        var report = ReportFormatOption.AsFile(ReportRenderer.Render(audit, format));
        if (output is null)
        {
            stdout.Write(report);
            return 0;
        }
        try
        {
            File.WriteAllText(output.FullName, report);
        }
        catch (IOException e)
        {
            stderr.WriteLine($"iamgov: {output.FullName}: {e.Message}");
            return 1;
        }
        catch (UnauthorizedAccessException e)
        {
            stderr.WriteLine($"iamgov: {output.FullName}: {e.Message}");
            return 1;
        }
        stdout.WriteLine($"wrote {output.FullName}: {audit.Principals.Length} principals, {audit.Findings.Count()} findings");
        return 0;
    }
}
