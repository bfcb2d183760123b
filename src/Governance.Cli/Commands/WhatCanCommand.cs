using System.CommandLine;
using Governance.Cli.Answers;
using Governance.Cli.Inputs;
using Governance.Core.Accounts.Questions;
using PolicyEngine.Analysis;

namespace Governance.Cli.Commands;

/// <summary>
/// <c>iamgov what-can PRINCIPAL [--service S] [--resource ARN] --org DIR</c> (or <c>--as PRINCIPAL</c>, or <c>--account FILE...</c>): the actions a
/// principal may perform, expanded from wildcards through the action catalogue and grouped by service and access level,
/// then on each resource the snapshot holds, as <see cref="OrganizationWhatCan"/> answers.
/// </summary>
internal static class WhatCanCommand
{
    public static Command Create(CliContext context)
    {
        var time = context.Time;
        var principal = new Argument<string?>("principal") { Description = "an ARN, role/NAME, user/NAME, or a name held by one principal", Arity = ArgumentArity.ZeroOrOne };
        var caller = new Option<string?>("--as") { Description = "the principal, as can-i names it (instead of the argument)" };
        var service = new Option<string?>("--service") { Description = "only this service's actions, such as s3" };
        var resource = new Option<string?>("--resource") { Description = "only actions on this resource ARN, each decided on it with its own policy" };
        var organization = OrganizationQuestionInputs.CreateOrganizationOption();
        var options = new QuestionOptions(context.StandardInput);
        var command = new Command("what-can", "list the actions a principal may perform, by service and access level, and on the resources the snapshot holds")
        {
            principal, caller, service, resource, organization,
        };
        options.AddTo(command);
        command.SetAction(parse =>
        {
            var (positional, named) = (parse.GetValue(principal), parse.GetValue(caller));
            if ((positional is null) == (named is null))
            {
                parse.InvocationConfiguration.Error.WriteLine("iamgov: what-can needs the principal once: as the argument or as --as");
                return CliApp.UsageError;
            }
            return OutputDestination.Run(parse, options.OutputFile,
                stdout => Run(positional ?? named!, parse.GetValue(service), parse.GetValue(resource), organization, options, parse, time, stdout));
        });
        return command;
    }

    private static int Run(string principalName, string? service, string? resource, Option<string?> organization, QuestionOptions options, ParseResult parse,
        TimeProvider time, TextWriter stdout)
    {
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
        if (OrganizationQuestionInputs.Read(parse, options, organization, stderr) is not { } inputs)
        {
            return CliApp.UsageError;
        }
        if (inputs.FindPrincipal(principalName, stderr) is not { } caller)
        {
            return CliApp.UsageError;
        }
        var answer = OrganizationWhatCan.Ask(inputs.Authorizer, caller, new AccessQuery(service, resource), time.GetUtcNow(), inputs.Context);
        var warnings = inputs.WarningsFor(caller.Arn);
        if (inputs.Json)
        {
            stdout.WriteLine(JsonText.Render(json => EffectiveAccessJson.Write(json, answer, warnings)));
        }
        else
        {
            EffectiveAccessText.Write(stdout, answer, warnings);
        }
        return 0;
    }
}
