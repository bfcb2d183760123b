using Governance.Core.Reports;
using Governance.Core.Accounts.Questions;
using PolicyEngine.Analysis;

namespace Governance.Cli.Answers;

/// <summary>Prints effective access for people: one block per service, one line per access level and resource grant.</summary>
internal static class EffectiveAccessText
{
    /// <summary>Past this many actions on one line, the line shows the first ones and a count.</summary>
    private const int ActionsShown = 12;

    public static void Write(TextWriter output, EffectiveAccess access, IReadOnlyCollection<string> warnings)
    {
        var term = Terminal.For(output);
        output.WriteLine(term.Bold($"{access.Principal} may perform {access.ActionCount} actions in {access.Services.Length} services"));
        WriteServices(output, access, indent: string.Empty);
        if (warnings.Count > 0)
        {
            output.WriteLine(term.Dim($"warning: {warnings.Count} attached policies are missing from the snapshots and were left out (--output json lists them)"));
        }
    }

    /// <summary>
    /// Writes <paramref name="answer"/>: its own side as above, then each resource the snapshot holds on which it may do
    /// anything, decided with that resource's policy, and the notes.
    /// </summary>
    public static void Write(TextWriter output, WhatCanAnswer answer, IReadOnlyCollection<string> warnings)
    {
        var term = Terminal.For(output);
        Write(output, answer.OwnSide, warnings);
        if (answer.Resources.Length > 0)
        {
            output.WriteLine(term.Bold($"on {answer.Resources.Length} {(answer.Resources.Length == 1 ? "resource" : "resources")} the snapshot holds, each decided with its own policy and owner:"));
        }
        foreach (var resource in answer.Resources)
        {
            output.WriteLine(term.Bold($"{resource.Resource}") + term.Dim($" ({resource.Kind}, account {resource.Account}): {resource.Access.ActionCount} actions"));
            WriteServices(output, resource.Access, indent: "  ");
        }
        foreach (var note in answer.Notes)
        {
            output.WriteLine(term.Dim($"note: {note}"));
        }
    }

    private static void WriteServices(TextWriter output, EffectiveAccess access, string indent)
    {
        var term = Terminal.For(output);
        foreach (var service in access.Services)
        {
            output.WriteLine(indent + term.Bold(service.Service));
            foreach (var level in service.Levels)
            {
                // Actions granted on the same resources under the same conditions read best as one line.
                foreach (var grant in level.Actions.GroupBy(static a => Signature(a), StringComparer.Ordinal))
                {
                    var names = grant.Select(static a => a.Action[(a.Action.IndexOf(':', StringComparison.Ordinal) + 1)..]).ToList();
                    var shown = names.Count > ActionsShown
                        ? string.Join(", ", names.Take(ActionsShown)) + term.Dim($" … {names.Count - ActionsShown} more")
                        : string.Join(", ", names);
                    output.WriteLine($"{indent}  {PolicyWords.AccessLevel(level.AccessLevel)} ({names.Count}): {shown}");
                    output.WriteLine(term.Dim($"{indent}    on {grant.Key}"));
                }
            }
        }
    }

    private static string Signature(ActionAccess action)
        => string.Join("; ", action.Resources.Select(static r => r.IsUnconditional
            ? r.Resource
            : $"{r.Resource} when the request sets {string.Join(", ", r.ConditionKeys)}"));
}
