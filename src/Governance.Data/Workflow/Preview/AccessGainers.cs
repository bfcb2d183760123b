using System.Collections.Immutable;
using Governance.Core.Accounts;
using Governance.Core.Accounts.Questions;
using PolicyEngine.Evaluation;
using PolicyEngine.Model;

namespace Governance.Core.Workflow.Preview;

/// <summary>
/// Who else gains a grant: everyone who can act as the target role (<see cref="RoleAssumers"/>), each with whether it
/// already holds what the grant adds, so that the approval rules can tell a grant to its requester from a grant to a
/// contractor who can assume the role.
/// </summary>
public static class AccessGainers
{
    /// <summary>
    /// The tag whose value names the requester (the token's subject) an IAM user or role belongs to. Only principals of
    /// member accounts are read: an outside account can tag its own principals with anyone's name.
    /// </summary>
    public const string OwnerTag = "iamgov:owner";

    /// <summary>
    /// Everyone who gains <paramref name="added"/> through <paramref name="role"/>, outsiders first, then by ARN; null
    /// when the copy does not hold the role, so that nothing can be said.
    /// </summary>
    public static ImmutableArray<AccessGainer>? Compute(OrganizationAuthorizer current, ResolvedPrincipal role, IEnumerable<PreviewAction> added, DateTimeOffset asOf)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(role);
        ArgumentNullException.ThrowIfNull(added);
        if (current.Find(role.Arn).Principal is not { } target)
        {
            return null;
        }
        var pairs = added.SelectMany(static a => a.Resources.Select(r => (a.Action, Resource: r))).ToArray();
        var questions = pairs.Length > WholePictureEffects.MaxEffects
            ? null // too many to decide for each principal: nobody is taken to hold them already
            : pairs.Select(p => new AccessQuestion(p.Action, p.Resource, WholePictureEffects.ContextFor(current.Snapshot, p.Resource, asOf))).ToArray();
        return [.. RoleAssumers.Find(current, target, asOf).Select(a => new AccessGainer(
            a.Arn, a.Kind, a.AccountId, a.InsideOrganization, Describe(a.Chain, target.AccountId), AlreadyHolds(current, a, questions),
            a.InsideOrganization ? a.Principal?.Tags.FirstOrDefault(static t => string.Equals(t.Key, OwnerTag, StringComparison.OrdinalIgnoreCase))?.Value : null,
            a.ConditionKeys))];
    }

    /// <summary>
    /// True when the assumer, or a role on its chain before the target, is already allowed every question: for a role
    /// session principal, the role is what acts.
    /// </summary>
    private static bool AlreadyHolds(OrganizationAuthorizer current, RoleAssumer assumer, AccessQuestion[]? questions)
    {
        if (questions is null || assumer.Principal is not { } self)
        {
            return false;
        }
        var acting = assumer.Chain.Skip(1).SkipLast(1).Select(arn => current.Find(arn).Principal).OfType<ResolvedPrincipal>().Prepend(self).ToArray();
        return questions.All(q => acting.Any(p => current.Decide(p, q) == Decision.Allow));
    }

    /// <summary><c>user/alice -&gt; 444455556666:role/a -&gt; role/target</c>: names within the target's account, account ids elsewhere.</summary>
    private static string Describe(ImmutableArray<string> chain, string targetAccount)
        => string.Join(" -> ", chain.Select(arn => !Arn.TryParse(arn, out var parsed) ? arn
            : parsed.Account == targetAccount ? parsed.Resource
            : $"{parsed.Account}:{parsed.Resource}"));
}
