using System.Collections.Immutable;
using PolicyEngine.Analysis;
using PolicyEngine.Evaluation;
using PolicyEngine.Model;

namespace Governance.Core.Accounts.Questions;

/// <summary>
/// Answers "what can this principal do?" across an organisation: its own side expanded through the action catalogue as
/// <see cref="AccessAnalyzer"/> does, then every resource the snapshot holds, each decided with its own policy, owner,
/// RCPs and, across accounts, both sides, so that a grant in the principal's policies that the resource's policy does not
/// match shows only in the first part.
/// </summary>
/// <remarks>
/// An IAM export alone is an organisation of its accounts, so the single-account question takes this path too; its only
/// known resources are then its roles (their trust policies).
/// </remarks>
public static class OrganizationWhatCan
{
    /// <summary>An action whose question carries no resource-specific policy: the guardrails of the principal's own side.</summary>
    private const string AnyAction = "sts:GetCallerIdentity";

    /// <summary>Answers for <paramref name="principal"/>, narrowed by <paramref name="query"/>; <paramref name="time"/> and <paramref name="context"/> are the request's.</summary>
    public static WhatCanAnswer Ask(OrganizationAuthorizer authorizer, ResolvedPrincipal principal, AccessQuery query, DateTimeOffset time, RequestContext context)
    {
        ArgumentNullException.ThrowIfNull(authorizer);
        ArgumentNullException.ThrowIfNull(principal);
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(context);
        var assumptions = new AnalysisAssumptions(time, authorizer.ContextOf(principal, context));
        var notes = ImmutableArray.CreateBuilder<string>();
        if (query.Resource is { } asked)
        {
            var one = Analyze(authorizer, principal, asked, assumptions, query with { ResourceAccount = authorizer.OwnerOf(asked) });
            return new WhatCanAnswer(principal, one, [], notes.ToImmutable());
        }
        var own = Analyze(authorizer, principal, "*", assumptions, query);
        if (authorizer.GivenGuardrails?.ResourcePolicy is not null)
        {
            // A resource policy given by hand is one resource's, and which one is not known: it would stand for every resource.
            notes.Add("a resource policy was given: it belongs to one resource, so only the principal's own side is listed; ask with --resource ARN");
            return new WhatCanAnswer(principal, own, [], notes.ToImmutable());
        }
        var resources = ImmutableArray.CreateBuilder<KnownResourceAccess>();
        foreach (var (arn, kind, owner) in KnownResources(authorizer, principal))
        {
            var service = kind switch
            {
                KnownResourceKind.Bucket or KnownResourceKind.Objects => "s3",
                KnownResourceKind.Key => "kms",
                KnownResourceKind.Role => "sts",
                _ => Arn.TryParse(arn, out var parsed) ? parsed.Service : null,
            };
            if (service is null || (query.Service is { } only && !string.Equals(only, service, StringComparison.OrdinalIgnoreCase))
                || (owner != principal.AccountId && !MayName(authorizer.ResourcePolicyOf(new AccessQuestion(ActionFor(arn), arn, RequestContext.Empty)), principal)))
            {
                continue;
            }
            var access = Analyze(authorizer, principal, arn, assumptions, new AccessQuery(service, arn) { ResourceAccount = owner });
            if (access.ActionCount > 0)
            {
                resources.Add(new KnownResourceAccess(arn, kind, owner, access));
            }
        }
        if (!authorizer.Snapshot.ResourcePoliciesKnown)
        {
            notes.Add("resource policies unknown: the snapshot holds IAM only, so its only known resources are its roles");
        }
        return new WhatCanAnswer(principal, own, resources.ToImmutable(), notes.ToImmutable());
    }

    /// <summary>Analyzes the principal under the guardrails of a question on <paramref name="resource"/>; for a role, its trust policy is the resource policy.</summary>
    private static EffectiveAccess Analyze(OrganizationAuthorizer authorizer, ResolvedPrincipal principal, string resource, AnalysisAssumptions assumptions,
        AccessQuery query)
    {
        var question = authorizer.WithGuardrailsFor(principal, new AccessQuestion(ActionFor(resource), resource, RequestContext.Empty));
        var policies = authorizer.Accounts.PolicySet(principal, question);
        return AccessAnalyzer.Create(policies, principal.Arn, assumptions).GetEffectiveAccess(query);
    }

    /// <summary>The action whose question carries the resource's policy: <c>sts:AssumeRole</c> for a role (its trust policy), any other for the rest.</summary>
    private static string ActionFor(string resource)
        => Arn.TryParse(resource, out var arn) && arn.Service == "iam" && arn.Resource.StartsWith("role/", StringComparison.Ordinal) ? "sts:AssumeRole" : AnyAction;

    /// <summary>
    /// Whether an Allow of <paramref name="policy"/> could name <paramref name="principal"/>: by <c>*</c>, NotPrincipal,
    /// or an entry in its account (its ARN, its account's root or id, a session of it). Across accounts the resource's
    /// policy must allow (reference_policies_evaluation-logic-cross-account.html), so without such a statement nothing is
    /// allowed there and the resource need not be analyzed: a sound shortcut for organisations of thousands of roles.
    /// </summary>
    private static bool MayName(NamedPolicy? policy, ResolvedPrincipal principal)
        => policy?.Document?.Statements.Any(s => s.Effect == Effect.Allow && s.Principal is { } p
            && (p.IsNot || p.IsWildcard || p.Entries.Any(e => e.Type == PrincipalType.Aws && (e.Value == "*" || e.Value.Contains(principal.AccountId, StringComparison.Ordinal))))) ?? false;

    /// <summary>Every resource the snapshot holds a policy for or an owner of, with its kind and owner; the principal itself is not a role to assume.</summary>
    private static IEnumerable<(string Arn, KnownResourceKind Kind, string Owner)> KnownResources(OrganizationAuthorizer authorizer, ResolvedPrincipal principal)
    {
        foreach (var contents in authorizer.Snapshot.Contents.Where(static c => c.Resources is not null))
        {
            foreach (var bucket in contents.Resources!.Buckets)
            {
                yield return (bucket.Arn, KnownResourceKind.Bucket, contents.AccountId);
                yield return (bucket.Arn + "/*", KnownResourceKind.Objects, contents.AccountId);
            }
            foreach (var key in contents.Resources.KmsKeys)
            {
                yield return (key.Arn, KnownResourceKind.Key, contents.AccountId);
            }
            foreach (var other in contents.Resources.Other)
            {
                yield return (other.Arn, KnownResourceKind.Other, contents.AccountId);
            }
        }
        foreach (var role in authorizer.Accounts.State.Principals.Where(p => p.Kind == PrincipalKind.Role && p.Arn != principal.Arn))
        {
            yield return (role.Arn, KnownResourceKind.Role, role.AccountId);
        }
    }
}
