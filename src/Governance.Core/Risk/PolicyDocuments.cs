using Governance.Core.Accounts;
using Governance.Core.Accounts.Organization;
using PolicyEngine.Evaluation;

namespace Governance.Core.Risk;

/// <summary>
/// The policy documents an audit read, found from a finding's evidence: what a report shows as the text behind a finding.
/// </summary>
/// <remarks>
/// Holds the account state and snapshot the audit read, not copies of their documents, and looks a document up only when
/// asked, so an audit that is never rendered as HTML pays nothing for it. The text is the document as the snapshot holds
/// it, which is what the engine parsed and what <see cref="FindingEvidence.Line"/> counts in.
/// </remarks>
public sealed class PolicyDocuments
{
    private readonly AccountState? _state;
    private readonly OrganizationSnapshot? _snapshot;

    private PolicyDocuments(AccountState? state, OrganizationSnapshot? snapshot) => (_state, _snapshot) = (state, snapshot);

    /// <summary>No documents: an audit built by hand, or one whose inputs are gone.</summary>
    public static PolicyDocuments None { get; } = new(null, null);

    /// <summary>The documents of <paramref name="state"/>'s principals and groups.</summary>
    public static PolicyDocuments Of(AccountState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return new(state, null);
    }

    /// <summary>The documents of <paramref name="state"/> and of <paramref name="snapshot"/>'s resource policies, SCPs and RCPs.</summary>
    public static PolicyDocuments Of(AccountState state, OrganizationSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(snapshot);
        return new(state, snapshot);
    }

    /// <summary>The JSON text of the policy <paramref name="evidence"/> cites, or null when the audit's inputs do not hold it.</summary>
    public string? Find(FindingEvidence evidence)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        return evidence.PolicyType switch
        {
            PolicyType.Identity => IdentityPolicy(evidence.Principal, evidence.Policy),
            PolicyType.PermissionsBoundary => Principal(evidence.Principal)?.PermissionsBoundary?.Document,
            // A role's trust policy, or the resource's own policy: one per resource, whatever name the analysis gave it.
            PolicyType.Resource => Principal(evidence.Principal)?.TrustPolicy ?? ResourcePolicy(evidence.Principal),
            PolicyType.ServiceControl or PolicyType.ResourceControl
                => _snapshot?.Policies.FirstOrDefault(p => string.Equals(p.Arn, evidence.Principal, StringComparison.Ordinal))?.Content.Text,
            _ => null,
        };
    }

    private ResolvedPrincipal? Principal(string arn)
        => _state is not null && _state.Holds(arn) ? _state.Find(arn).Principal : null;

    private string? IdentityPolicy(string owner, string name)
    {
        if (Principal(owner) is { } principal)
        {
            return principal.IdentityPolicies.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.Ordinal))?.Document;
        }
        // A group's policies, named as the analysis names them (inline name, or the managed policy's name).
        var group = _state?.Snapshots.SelectMany(static s => s.Groups).FirstOrDefault(g => string.Equals(g.Arn, owner, StringComparison.Ordinal));
        if (group is null)
        {
            return null;
        }
        return group.InlinePolicies.FirstOrDefault(p => string.Equals(p.PolicyName, name, StringComparison.Ordinal))?.Document
            ?? group.AttachedPolicies.Select(a => _state!.FindPolicy(a.PolicyArn))
                .FirstOrDefault(p => p is not null && string.Equals(p.PolicyName, name, StringComparison.Ordinal))?.DefaultVersion?.Document;
    }

    private string? ResourcePolicy(string arn)
    {
        foreach (var resources in _snapshot?.Contents.Select(static c => c.Resources).OfType<AccountResources>() ?? [])
        {
            var text = resources.Buckets.FirstOrDefault(b => string.Equals(b.Arn, arn, StringComparison.Ordinal))?.Policy
                ?? resources.KmsKeys.FirstOrDefault(k => string.Equals(k.Arn, arn, StringComparison.Ordinal))?.Policy
                ?? resources.Other.FirstOrDefault(o => string.Equals(o.Arn, arn, StringComparison.Ordinal))?.Policy;
            if (text is not null)
            {
                return text.Text;
            }
        }
        return null;
    }
}
