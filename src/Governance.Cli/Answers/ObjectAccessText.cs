using Governance.Core.Accounts.Questions;
using PolicyEngine.Evaluation;

namespace Governance.Cli.Answers;

/// <summary>Prints an object read/write answer for people: <c>yes</c> or <c>no</c>, then each call with its own answer.</summary>
internal static class ObjectAccessText
{
    /// <summary>Writes the answer; each call's decision always, and with <paramref name="explain"/> why, as <see cref="DecisionText"/> does for one call.</summary>
    public static void Write(TextWriter output, ObjectAccessAnswer answer, bool explain, IReadOnlyList<string> warnings)
    {
        var term = Terminal.For(output);
        // As can-i's `no - REASON`: the first call that is not allowed, and why, on the answer's own line.
        var denied = answer.Calls.FirstOrDefault(static c => c.Answer.Result.Decision != Decision.Allow);
        output.WriteLine(denied is null ? term.Green("yes") : $"{term.Red("no")} - `{denied.Question.Action}` is not allowed: {denied.Answer.Summary}");
        foreach (var call in answer.Calls)
        {
            var allowed = call.Answer.Result.Decision == Decision.Allow;
            output.WriteLine($"{call.Question.Action} on {call.Question.Resource}: " + (allowed ? term.Green("yes") : term.Red("no")) +
                (allowed || explain ? string.Empty : $" ({call.Answer.Summary})"));
            if (explain)
            {
                using var indented = new StringWriter();
                DecisionText.Write(indented, call.Answer.Result, explain: true, call.Answer.Notes, call.Answer.Summary);
                foreach (var line in indented.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1))
                {
                    output.WriteLine("  " + line.TrimEnd('\r'));
                }
            }
            else
            {
                foreach (var note in call.Answer.Notes)
                {
                    output.WriteLine($"  warning: {note}");
                }
            }
        }
        foreach (var note in answer.Notes.Concat(warnings))
        {
            output.WriteLine($"warning: {note}");
        }
    }
}
