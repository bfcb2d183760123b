using System.CommandLine;
using Governance.Cli.Answers;
using Governance.Cli.Inputs;
using Governance.Core.Accounts.Questions;
using Governance.Core.Reports;
using PolicyEngine.Evaluation;

namespace Governance.Cli.Commands;

/// <summary>
/// <c>iamgov can-i ACTION RESOURCE --as PRINCIPAL --account FILE...</c>: prints <c>yes</c> or <c>no</c> and exits 0 or 1,
/// as <c>kubectl auth can-i</c> does; 2 for any error in the question itself.
/// </summary>
internal static class CanICommand
{
    public static Command Create()
    {
        var action = new Argument<string>("action") { Description = "the action, such as s3:GetObject" };
        var resource = new Argument<string>("resource") { Description = "the resource ARN, or * for actions without one" };
        var principal = new Option<string>("--as") { Description = "the caller: an ARN, role/NAME, user/NAME, or a name held by one principal", Required = true };
        var explain = new Option<bool>("--explain") { Description = "show the statements that decided, and what was missing" };
        var options = new QuestionOptions();
        var command = new Command("can-i", "may a principal perform an action on a resource? (yes/no, exit 0/1)") { action, resource, principal, explain };
        options.AddTo(command);
        command.SetAction(parse => Run(parse.GetValue(action)!, parse.GetValue(resource)!, parse.GetValue(principal)!, parse.GetValue(explain),
            options, parse));
        return command;
    }

    private static int Run(string action, string resource, string principalName, bool explain, QuestionOptions options, ParseResult parse)
    {
        var stdout = parse.InvocationConfiguration.Output;
        var stderr = parse.InvocationConfiguration.Error;
        if ((RequestChecks.CheckAction(action) ?? RequestChecks.CheckResource(resource)) is { } inputError)
        {
            stderr.WriteLine($"iamgov: {inputError}");
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
        var question = inputs.Ask(action, resource);
        var result = inputs.Authorizer.Authorize(caller, question);
        var warnings = inputs.WarningsFor(caller.Arn);
        if (inputs.Json)
        {
            stdout.WriteLine(JsonText.Render(writer => DecisionJson.Write(writer, caller.Arn, question.Action, question.Resource, result, warnings)));
        }
        else
        {
            DecisionText.Write(stdout, result, explain, warnings);
        }
        return result.Decision == Decision.Allow ? 0 : 1;
    }
}
