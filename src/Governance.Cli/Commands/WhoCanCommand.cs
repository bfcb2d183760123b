using System.CommandLine;
using Governance.Cli.Answers;
using Governance.Cli.Inputs;
using Governance.Core.Accounts;
using Governance.Core.Accounts.Questions;
using Governance.Core.Reports;
using PolicyEngine.Evaluation;

namespace Governance.Cli.Commands;

/// <summary>
/// <c>iamgov who-can ACTION RESOURCE --account FILE...</c>: every user and role of the loaded accounts that may perform
/// the action on the resource, with the statements that grant it.
/// </summary>
internal static class WhoCanCommand
{
    public static Command Create()
    {
        var action = new Argument<string>("action") { Description = "the action, such as s3:PutObject" };
        var resource = new Argument<string>("resource") { Description = "the resource ARN, or * for actions without one" };
        var options = new QuestionOptions();
        var command = new Command("who-can", "list every principal that may perform an action on a resource") { action, resource };
        options.AddTo(command);
        command.SetAction(parse => Run(parse.GetValue(action)!, parse.GetValue(resource)!, options, parse));
        return command;
    }

    private static int Run(string action, string resource, QuestionOptions options, ParseResult parse)
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
        var authorizer = inputs.Authorizer;
        var question = inputs.Ask(action, resource);
        // Decide first on the allocation-free path; explain only the principals that are allowed.
        var allowed = authorizer.State.Principals
            .Where(p => authorizer.Decide(p, question) == Decision.Allow)
            .Select(p => (Principal: p, Result: authorizer.Authorize(p, question)))
            .OrderBy(static a => a.Principal.Arn, StringComparer.Ordinal)
            .ToList();
        if (inputs.Json)
        {
            stdout.WriteLine(JsonText.Render(json =>
            {
                json.WriteStartObject();
                json.WriteString("action", action);
                json.WriteString("resource", resource);
                json.WriteStartArray("principals");
                foreach (var (principal, result) in allowed)
                {
                    json.WriteStartObject();
                    json.WriteString("arn", principal.Arn);
                    json.WriteString("kind", principal.Kind.ToString());
                    json.WriteString("reason", result.Explanation.Reason.ToString());
                    json.WriteStartArray("grantedBy");
                    foreach (var statement in result.DecidingStatements)
                    {
                        StatementJson.WriteStatement(json, statement);
                        json.WriteEndObject();
                    }
                    json.WriteEndArray();
                    json.WriteEndObject();
                }
                json.WriteEndArray();
                json.WriteStartArray("warnings");
                foreach (var warning in inputs.Warnings)
                {
                    json.WriteStringValue(warning);
                }
                json.WriteEndArray();
                json.WriteEndObject();
            }));
            return 0;
        }
        WriteText(stdout, action, resource, allowed, authorizer.State.Principals.Length, inputs.Warnings.Length);
        return 0;
    }

    private static void WriteText(TextWriter stdout, string action, string resource,
        List<(ResolvedPrincipal Principal, AuthorizationResult Result)> allowed, int total, int warnings)
    {
        var term = Terminal.For(stdout);
        stdout.WriteLine(term.Bold($"{allowed.Count} of {total} principals may {action} on {resource}"));
        foreach (var (principal, result) in allowed)
        {
            stdout.WriteLine(principal.Arn);
            foreach (var statement in result.DecidingStatements)
            {
                stdout.WriteLine(term.Dim($"  via {DecisionText.Describe(statement)}"));
            }
        }
        if (warnings > 0)
        {
            stdout.WriteLine(term.Dim($"warning: {warnings} attached policies are missing from the snapshots and were left out (--output json lists them)"));
        }
    }
}
