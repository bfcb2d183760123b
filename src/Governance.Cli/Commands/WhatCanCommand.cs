using System.CommandLine;
using Governance.Cli.Answers;
using Governance.Cli.Inputs;
using Governance.Core.Accounts.Questions;
using PolicyEngine.Analysis;

namespace Governance.Cli.Commands;

/// <summary>
/// <c>iamgov what-can PRINCIPAL [--service S] [--resource ARN] --account FILE...</c>: the actions a principal may
/// perform, expanded from wildcards through the action catalogue and grouped by service and access level.
/// </summary>
internal static class WhatCanCommand
{
    public static Command Create(TimeProvider time)
    {
        var principal = new Argument<string>("principal") { Description = "an ARN, role/NAME, user/NAME, or a name held by one principal" };
        var service = new Option<string?>("--service") { Description = "only this service's actions, such as s3" };
        var resource = new Option<string?>("--resource") { Description = "only actions on this resource ARN, each decided on it" };
        var options = new QuestionOptions();
        var command = new Command("what-can", "list the actions a principal may perform, by service and access level") { principal, service, resource };
        options.AddTo(command);
        command.SetAction(parse => Run(parse.GetValue(principal)!, parse.GetValue(service), parse.GetValue(resource), options, parse, time));
        return command;
    }

    private static int Run(string principalName, string? service, string? resource, QuestionOptions options, ParseResult parse, TimeProvider time)
    {
        var stdout = parse.InvocationConfiguration.Output;
        var stderr = parse.InvocationConfiguration.Error;
        if (resource is not null && RequestChecks.CheckResource(resource) is { } resourceError)
        {
            stderr.WriteLine($"iamgov: {resourceError}");
            return CliApp.UsageError;
        }
        if (service is not null && !PolicyEngine.Catalog.ActionCatalog.Default.TryGetService(service, out _))
        {
            var suggestions = PolicyEngine.Catalog.ActionCatalog.Default.Suggest(service);
            stderr.WriteLine($"iamgov: unknown service `{service}`" + (suggestions.Count > 0 ? $"; did you mean {string.Join(", ", suggestions)}?" : string.Empty));
            return CliApp.UsageError;
        }
        if (options.Read(parse, stderr) is not { } inputs)
        {
            return CliApp.UsageError;
        }
        if (inputs.FindPrincipal(principalName, stderr) is not { } caller)
        {
            return CliApp.UsageError;
        }
        var policies = inputs.Authorizer.PolicySet(caller, inputs.Guardrails);
        var analyzer = AccessAnalyzer.Create(policies, caller.Arn, new AnalysisAssumptions(time.GetUtcNow(), AccountAuthorizer.ContextOf(caller, inputs.Context)));
        var access = analyzer.GetEffectiveAccess(new AccessQuery(service, resource));
        if (inputs.Json)
        {
            stdout.WriteLine(JsonText.Render(json => EffectiveAccessJson.Write(json, access, inputs.WarningsFor(caller.Arn))));
        }
        else
        {
            EffectiveAccessText.Write(stdout, access, inputs.WarningsFor(caller.Arn));
        }
        return 0;
    }
}
