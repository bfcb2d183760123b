using System.CommandLine;
using Governance.Cli.Inputs;
using Governance.Cli.Output;
using Governance.Core.Accounts;
using Governance.Core.Reports;
using Governance.Core.Risk;

namespace Governance.Cli.Commands;

/// <summary>
/// <c>iamgov audit --account FILE... | --org DIR [--principal P] [-o text|json|markdown|html] [--output-file FILE]</c>: the
/// risk findings and effective-access summary of every principal (or one), with totals; with <c>--org</c>, also what
/// principals outside the organisation may do to its resources and which SCPs and RCPs do not hold.
/// <c>--exclusions FILE</c> lists the findings its entries accept apart (none by default: an audit reads snapshots, not
/// the policies folder); <c>--role-graph FILE</c> also writes the whole role graph the chain findings summarise;
/// <c>--fail-on SEVERITY</c> exits 1 when a finding not excluded is at or above it.
/// </summary>
internal static class AuditCommand
{
    public static Command Create(CliContext context)
    {
        var time = context.Time;
        var standardInput = context.StandardInput;
        var accounts = InputFileOption.Repeated("--account", "an account snapshot (aws iam get-account-authorization-details); repeat for several accounts");
        var organization = new Option<string?>("--org")
        {
            Description = "an organisation snapshot folder, or one account's get-account-authorization-details file: adds resource exposure and guardrail findings",
        };
        var principal = new Option<string?>("--principal") { Description = "audit only this principal: an ARN, role/NAME, user/NAME or a unique name" };
        var format = ReportOutput.CreateFormatOption();
        var output = OutputFileOption.Create("write the report to this file instead of standard output");
        var exclusions = InputFileOption.Single("--exclusions", "reviewed findings and accepted risks to list apart (policies/exclusions.json); none by default");
        var roleGraph = new Option<FileInfo?>("--role-graph")
        {
            Description = "also write the whole role graph (every principal and every role it may assume) to this file as JSON; the findings summarise chains per principal",
        };
        var failOn = FailOnOption.Create("exit 1 when a finding at or above this severity is reported (excluded findings never count)");
        var command = new Command("audit", "report privilege escalation, admin-equivalent access and other risks for every principal")
        {
            accounts, organization, principal, format, output, exclusions, roleGraph, failOn,
        };
        command.SetAction(parse =>
        {
            var stderr = parse.InvocationConfiguration.Error;
            var files = parse.GetValue(accounts) ?? [];
            var org = parse.GetValue(organization);
            if (org is not null && files.Length > 0)
            {
                stderr.WriteLine("iamgov: `--account` and `--org` exclude each other: the organisation snapshot gives the accounts");
                return CliApp.UsageError;
            }
            var graphFile = parse.GetValue(roleGraph);
            var options = new RiskAnalysisOptions(time.GetUtcNow()) { IncludeRoleGraph = graphFile is not null };
            var audit = org is not null
                ? AuditOrganization(org, standardInput, parse.GetValue(principal), stderr, options)
                : AuditAccounts(files, standardInput, parse.GetValue(principal), stderr, options);
            // The analysis's time is the exclusions' too: an entry expires on the clock the findings were judged by.
            if (audit is null || ExclusionsInput.Read(parse.GetValue(exclusions), context.StandardInput, audit.AsOf, stderr) is not { } accepted)
            {
                return CliApp.UsageError;
            }
            audit = RiskExclusions.Apply(audit, accepted, audit.AsOf);
            ExclusionsInput.Warn(audit.ExclusionWarnings, stderr);
            if (graphFile is not null && audit.RoleGraph is { } graph && !OutputDestination.TryWrite(graphFile, stream => RoleGraphJson.Write(graph, stream), stderr, "--role-graph"))
            {
                return CliApp.CouldNotRun;
            }
            var written = Write(audit, ReportOutput.Format(parse.GetValue(format)!), parse.GetValue(output), parse);
            return written != 0 || parse.GetValue(failOn) is not { } level
                ? written
                : SeverityGate.Check(audit.Findings.Select(static f => (f.Severity, true)), level, newOnly: false, stderr);
        });
        return command;
    }

    private static AccountRisks? AuditAccounts(string[] files, Stream standardInput, string? principal, TextWriter stderr, RiskAnalysisOptions options)
    {
        var (state, errors) = AccountFiles.Load(files, standardInput);
        if (state is null)
        {
            foreach (var error in errors)
            {
                stderr.WriteLine($"iamgov: {error.Message}");
            }
            return null;
        }
        if (!TryFind(state, principal, stderr, out var only))
        {
            return null;
        }
        // IAM exports hold no resource policies, SCPs or RCPs; the report says so, as can-i does.
        return AccountAnalyzer.Analyze(state, options with { Principal = only }) with { Notes = [OrganizationAnalyzer.ResourcePoliciesUnknown] };
    }

    private static AccountRisks? AuditOrganization(string path, Stream standardInput, string? principal, TextWriter stderr, RiskAnalysisOptions options)
    {
        if (OrganizationSnapshotInput.Read(path, standardInput, [], stderr) is not { } snapshot)
        {
            return null;
        }
        // The analysis resolves the organisation's principals itself; resolving them here too is only for finding one.
        string? only = null;
        if (principal is not null && !TryFind(new AccountState(snapshot.Contents.Where(static c => c.Iam is not null).Select(static c => c.Iam!)), principal, stderr, out only))
        {
            return null;
        }
        return OrganizationAnalyzer.Analyze(snapshot, options with { Principal = only });
    }

    private static bool TryFind(AccountState state, string? principal, TextWriter stderr, out string? arn)
    {
        arn = null;
        if (principal is null)
        {
            return true;
        }
        var lookup = state.Find(principal);
        if (lookup.Principal is not { } found)
        {
            stderr.WriteLine($"iamgov: {lookup.Error}");
            return false;
        }
        arn = found.Arn;
        return true;
    }

    private static int Write(AccountRisks audit, ReportFormat format, FileInfo? output, ParseResult parse)
    {
        var stdout = parse.InvocationConfiguration.Output;
        if (output is null)
        {
            // Streamed as it is written: an organisation's JSON report is a hundred megabytes.
            using var stream = new TextWriterStream(stdout);
            ReportRenderer.Write(audit, format, stream);
            stdout.Flush();
            return 0;
        }
        if (!OutputDestination.TryWrite(output, stream => ReportRenderer.Write(audit, format, stream), parse.InvocationConfiguration.Error))
        {
            return CliApp.CouldNotRun;
        }
        var resources = audit.Resources.IsEmpty ? string.Empty : $", {audit.Resources.Length} resources and guardrails";
        stdout.WriteLine($"wrote {output}: {audit.Principals.Length} principals{resources}, {audit.Findings.Count()} findings");
        return 0;
    }
}
