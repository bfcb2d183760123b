using System.CommandLine;
using System.Text.Json;
using Governance.Cli.Answers;
using Governance.Cli.Inputs;
using Governance.Core.Accounts.Questions;
using Governance.Core.Reports;

namespace Governance.Cli.Commands;

/// <summary>
/// <c>iamgov who-can ACTION RESOURCE --org DIR</c> (or <c>--account FILE...</c>): every principal that may perform the
/// action on the resource, in any account of the snapshot, and the outside principals the resource's own policy names,
/// each with the layers that decided, as <see cref="OrganizationWhoCan"/> answers.
/// </summary>
internal static class WhoCanCommand
{
    public static Command Create(CliContext context)
    {
        var action = new Argument<string>("action") { Description = "the action, such as s3:PutObject" };
        var resource = new Argument<string>("resource") { Description = "the resource ARN, or * for actions without one" };
        var organization = OrganizationQuestionInputs.CreateOrganizationOption();
        var options = new QuestionOptions(context.StandardInput);
        var command = new Command("who-can", "list every principal that may perform an action on a resource") { action, resource, organization };
        options.AddTo(command);
        command.SetAction(parse => OutputDestination.Run(parse, options.OutputFile,
            stdout => Run(parse.GetValue(action)!, parse.GetValue(resource)!, organization, options, parse, stdout)));
        return command;
    }

    private static int Run(string action, string resource, Option<string?> organization, QuestionOptions options, ParseResult parse, TextWriter stdout)
    {
        var stderr = parse.InvocationConfiguration.Error;
        if ((RequestChecks.CheckAction(action) ?? RequestChecks.CheckResource(resource)) is { } inputError)
        {
            stderr.WriteLine($"iamgov: {inputError}");
            return CliApp.UsageError;
        }
        if (OrganizationQuestionInputs.Read(parse, options, organization, stderr) is not { } inputs)
        {
            return CliApp.UsageError;
        }
        var answer = OrganizationWhoCan.Ask(inputs.Authorizer, new AccessQuestion(action, resource, inputs.Context));
        string[] warnings = [.. answer.Notes, .. inputs.WarningsFor(null)];
        if (inputs.Json)
        {
            stdout.WriteLine(JsonText.Render(json => WriteJson(json, answer, warnings)));
        }
        else
        {
            WriteText(stdout, answer, inputs.WarningsFor(null).Length, answer.Notes);
        }
        return 0;
    }

    private static void WriteJson(Utf8JsonWriter json, WhoCanAnswer answer, IEnumerable<string> warnings)
    {
        json.WriteStartObject();
        json.WriteString("action", answer.Question.Action);
        json.WriteString("resource", answer.Question.Resource);
        json.WriteStartArray("principals");
        foreach (var entry in answer.Principals)
        {
            json.WriteStartObject();
            json.WriteString("arn", entry.Principal.Arn);
            json.WriteString("kind", entry.Principal.Kind.ToString());
            json.WriteString("reason", entry.Answer.Result.Explanation.Reason.ToString());
            json.WriteStartArray("grantedBy");
            foreach (var statement in entry.Answer.Result.DecidingStatements)
            {
                StatementJson.WriteStatement(json, statement);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteBoolean("outside", entry.Outside);
            json.WriteString("callerPolicies", entry.Answer.CallerPoliciesKnown ? "known" : "assumed");
            json.WriteString("summary", entry.Answer.Summary);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        StatementJson.WriteStrings(json, "warnings", warnings);
        json.WriteEndObject();
    }

    private static void WriteText(TextWriter stdout, WhoCanAnswer answer, int unresolved, IEnumerable<string> notes)
    {
        var term = Terminal.For(stdout);
        stdout.WriteLine(term.Bold($"{answer.Principals.Length} of {answer.Asked} principals may {answer.Question.Action} on {answer.Question.Resource}"));
        foreach (var entry in answer.Principals)
        {
            IEnumerable<string> marks = [.. entry.Outside ? ["outside"] : Array.Empty<string>(), .. entry.Answer.CallerPoliciesKnown ? [] : new[] { "its own policies unknown" }];
            var shown = string.Join("; ", marks);
            stdout.WriteLine(entry.Principal.Arn + (shown.Length == 0 ? string.Empty : $" ({shown})"));
            stdout.WriteLine(term.Dim($"  {entry.Answer.Summary}"));
            foreach (var statement in entry.Answer.Result.DecidingStatements)
            {
                stdout.WriteLine(term.Dim($"  via {DecisionText.Describe(statement)}"));
            }
        }
        foreach (var note in notes)
        {
            stdout.WriteLine(term.Dim($"note: {note}"));
        }
        if (unresolved > 0)
        {
            stdout.WriteLine(term.Dim($"warning: {unresolved} attached policies are missing from the snapshots and were left out (--output json lists them)"));
        }
    }
}
