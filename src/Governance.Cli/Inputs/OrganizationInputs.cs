using Governance.Core.Accounts;
using Governance.Core.Accounts.Questions;

namespace Governance.Cli.Inputs;

/// <summary>The organisation a <c>--org</c> question is asked of, and the caller in it.</summary>
/// <param name="Authorizer">The organisation's authorizer.</param>
/// <param name="Caller">The principal the question is asked for.</param>
internal sealed record OrganizationInputs(OrganizationAuthorizer Authorizer, ResolvedPrincipal Caller)
{
    /// <summary>The warnings that concern the caller: managed policies it references that no snapshot holds.</summary>
    public IEnumerable<string> Warnings => Authorizer.Accounts.State.WarningsFor(Caller.Arn);

    /// <summary>
    /// Reads the snapshot at <paramref name="path"/> and finds <paramref name="principalName"/> in it, unless
    /// <paramref name="errors"/> (the question's own) already stop the question; null after writing every error.
    /// </summary>
    public static OrganizationInputs? Read(string path, Stream standardInput, string principalName, List<string> errors, TextWriter stderr)
    {
        if (OrganizationSnapshotInput.Read(path, standardInput, errors, stderr) is not { } snapshot)
        {
            return null;
        }
        var authorizer = new OrganizationAuthorizer(snapshot);
        var lookup = authorizer.FindCaller(principalName);
        if (lookup.Principal is not { } caller)
        {
            stderr.WriteLine($"iamgov: {lookup.Error}");
            return null;
        }
        return new OrganizationInputs(authorizer, caller);
    }
}
