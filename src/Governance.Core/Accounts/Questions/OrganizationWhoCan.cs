using System.Collections.Immutable;
using PolicyEngine.Evaluation;
using PolicyEngine.Matching;
using PolicyEngine.Model;

namespace Governance.Core.Accounts.Questions;

/// <summary>
/// Answers "who can do this action on this resource?" across an organisation: every user and role of every account the
/// snapshot holds, and every principal the resource's own policy (bucket, key or other resource policy, or a role's
/// trust policy) names in an account whose IAM it does not hold, each asked the same question through
/// <see cref="OrganizationAuthorizer"/>.
/// </summary>
/// <remarks>
/// An IAM export alone is an organisation of its accounts (<see cref="Organization.OrganizationSnapshot.OfAccounts"/>), so the
/// single-account question takes this path too. A principal named outside the snapshot has its own policies assumed to
/// allow (<see cref="UnknownPrincipal"/>): it is listed when the rest of the picture allows, and its answer says so.
/// </remarks>
public static class OrganizationWhoCan
{
    /// <summary>Asks <paramref name="question"/> of every principal; decides each on the fast path and explains only those allowed.</summary>
    public static WhoCanAnswer Ask(OrganizationAuthorizer authorizer, AccessQuestion question)
    {
        ArgumentNullException.ThrowIfNull(authorizer);
        ArgumentNullException.ThrowIfNull(question);
        var notes = ImmutableArray.CreateBuilder<string>();
        var policy = authorizer.ResourcePolicyOf(question);
        var named = policy is null ? [] : NamedOutside(authorizer, policy, question, notes);
        ResolvedPrincipal[] asked = [.. authorizer.Accounts.State.Principals, .. named];
        var allowed = asked
            .Where(p => authorizer.CheckQuestion(p, question) is null && authorizer.Decide(p, question) == Decision.Allow)
            .Select(p => new WhoCanPrincipal(p, !authorizer.Snapshot.IsInOrganization(p.AccountId), authorizer.Authorize(p, question)))
            .OrderBy(static p => p.Principal.Arn, StringComparer.Ordinal)
            .ToImmutableArray();
        if (!authorizer.Snapshot.ResourcePoliciesKnown && policy is null)
        {
            notes.Add("resource policies unknown: the snapshot holds IAM only, so no principal outside it is named and no bucket, key or other resource policy is part of these answers");
        }
        return new WhoCanAnswer(question, allowed, asked.Length, notes.ToImmutable());
    }

    /// <summary>
    /// The principals an Allow of <paramref name="policy"/> covering the question's action names in accounts whose IAM the
    /// snapshot does not hold; a <c>*</c> grant gets a note instead, as its principals cannot be listed.
    /// </summary>
    private static IEnumerable<ResolvedPrincipal> NamedOutside(OrganizationAuthorizer authorizer, NamedPolicy policy, AccessQuestion question,
        ImmutableArray<string>.Builder notes)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var statements = policy.Document?.Statements ?? [];
        foreach (var statement in statements.Where(s => s.Effect == Effect.Allow && s.Principal is { IsNot: false } && Covers(s.Action, question.Action)))
        {
            var principal = statement.Principal!;
            if (principal.IsWildcard || principal.Entries.Any(static e => e.Type == PrincipalType.Aws && e.Value == "*"))
            {
                notes.Add($"the {policy.Name} allows Principal `*` ({statement.DisplayName}): principals the snapshot does not hold may also match it, within its conditions");
            }
            foreach (var service in principal.Entries.Where(static e => e.Type == PrincipalType.Service))
            {
                notes.Add($"the {policy.Name} allows the service principal `{service.Value}` ({statement.DisplayName}), which is not listed");
            }
            foreach (var entry in principal.Entries.Where(static e => e.Type == PrincipalType.Aws && e.Value != "*"))
            {
                if (authorizer.FindCaller(entry.Value).Principal is { } named && !authorizer.KnowsPoliciesOf(named) && seen.Add(named.Arn))
                {
                    yield return named;
                }
            }
        }
    }

    private static bool Covers(ActionSpec spec, string action)
        => spec.IsNot != spec.Values.Any(v => Wildcard.IsMatch(v.Value, action, ignoreCase: true));
}
