using System.Collections.Immutable;
using Governance.Core.Accounts;
using Governance.Core.Accounts.Questions;
using PolicyEngine.Evaluation;

namespace Governance.Cli.Inputs;

/// <summary>Everything an access question needs, read and checked.</summary>
internal sealed record QuestionInputs(
    AccountAuthorizer Authorizer,
    Guardrails Guardrails,
    RequestContext Context,
    bool Json)
{
    /// <summary>The question of <paramref name="action"/> on <paramref name="resource"/>, with these inputs' context and guardrails.</summary>
    public AccessQuestion Ask(string action, string resource) => new(action, resource, Context) { Guardrails = Guardrails };

    /// <summary>Managed policies that principals reference but no loaded snapshot holds; they are left out of the answers.</summary>
    public ImmutableArray<string> Warnings => WarningsFor(null);

    /// <summary>The warnings that concern <paramref name="principalArn"/>, or every warning when it is null.</summary>
    public ImmutableArray<string> WarningsFor(string? principalArn) => Authorizer.State.WarningsFor(principalArn);

    /// <summary>The principal <paramref name="name"/> names, or null after writing why it names none to <paramref name="stderr"/>.</summary>
    public ResolvedPrincipal? FindPrincipal(string name, TextWriter stderr)
    {
        var lookup = Authorizer.State.Find(name);
        if (lookup.Principal is null)
        {
            stderr.WriteLine($"iamgov: {lookup.Error}");
        }
        return lookup.Principal;
    }
}
