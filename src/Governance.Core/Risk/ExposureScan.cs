using System.Collections.Concurrent;
using System.Collections.Immutable;
using Governance.Core.Accounts;
using Governance.Core.Accounts.Organization;
using Governance.Core.Accounts.Questions;
using PolicyEngine.Analysis;
using PolicyEngine.Catalog;
using PolicyEngine.Evaluation;
using PolicyEngine.Model;

namespace Governance.Core.Risk;

/// <summary>
/// Finds, from the resource side, what principals outside the organisation may do to its members' buckets, keys, other
/// resources and roles: each resource's policy is asked, through the engine, about every caller <see cref="OutsideCallers"/>
/// proposes, with the resource account's RCPs and S3 Block Public Access applied.
/// </summary>
/// <remarks>
/// An outside caller's own account is taken to allow it everything: that account's IAM is not ours to count on, so the
/// resource's side alone decides what it can reach. A service principal has no identity policies, so for it the
/// resource's policy alone grants. Resources of outside accounts are not audited.
/// </remarks>
internal sealed class ExposureScan
{
    private const string AssumeRole = "sts:AssumeRole";
    private const string ExternalId = "sts:ExternalId";
    private const int ActionsInTitle = 6;

    private static readonly NamedPolicy OutsideIdentity = NamedPolicy.Parse("the outside caller's own policies (taken to allow)",
        """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}""");

    private readonly OrganizationSnapshot _snapshot;
    private readonly DateTimeOffset _asOf;
    private readonly IReadOnlySet<string> _adminRoles;
    private readonly OutsideCallers _callers;
    private readonly PolicyLibrary _library = new();
    private readonly ConcurrentDictionary<string, ImmutableArray<ImmutableArray<NamedPolicy>>> _resourceControl = new(StringComparer.Ordinal);

    /// <param name="snapshot">The organisation.</param>
    /// <param name="asOf">When requests are assumed to be made.</param>
    /// <param name="adminRoles">Roles the principal audit found to be administrators: assuming one from outside is worse.</param>
    public ExposureScan(OrganizationSnapshot snapshot, DateTimeOffset asOf, IReadOnlySet<string> adminRoles)
    {
        _snapshot = snapshot;
        _asOf = asOf;
        _adminRoles = adminRoles;
        _callers = new OutsideCallers(snapshot);
    }

    /// <remarks>
    /// Each resource is probed on its own, so they are probed in parallel (an organisation holds a role for every
    /// principal it audits) and reported in the snapshot's order: each account's buckets, keys, other resources, roles.
    /// </remarks>
    public IEnumerable<ResourceRisks> Run()
    {
        var probes = new List<Func<ResourceRisks?>>();
        foreach (var contents in _snapshot.Contents.Where(c => _snapshot.IsInOrganization(c.AccountId)))
        {
            var owner = contents.AccountId;
            var resources = contents.Resources ?? AccountResources.Empty;
            probes.AddRange(resources.Buckets.Select(b => (Func<ResourceRisks?>)(() => Bucket(owner, b))));
            probes.AddRange(resources.KmsKeys.Select(k => (Func<ResourceRisks?>)(() => Key(owner, k))));
            probes.AddRange(resources.Other.Select(o => (Func<ResourceRisks?>)(() => Other(owner, o))));
            // A role's account is its ARN's: an IAM export may hold roles of more than one account.
            probes.AddRange((contents.Iam?.Roles ?? []).Where(static r => !r.IsServiceLinked && r.TrustPolicy is not null)
                .Select(r => (Func<ResourceRisks?>)(() => Role(AccountSnapshot.AccountOf(r.Arn) is { Length: > 0 } account ? account : owner, r))));
        }
        var found = new ResourceRisks?[probes.Count];
        Parallel.For(0, probes.Count, i => found[i] = probes[i]());
        return found.OfType<ResourceRisks>();
    }

    private ResourceRisks? Bucket(string owner, S3Bucket bucket)
    {
        if (bucket.Policy is not { } text)
        {
            return null;
        }
        var policy = _library.Get($"bucket policy of `{bucket.Name}`", text.Text);
        var requests = ProbeRequests.For(policy.Document, "s3", ProbeRequests.BucketResources(bucket.Arn, policy.Document));
        var hits = Probe(policy, owner, bucket.Region, requests, resourceControl: true, withMembers: false);
        var isPublic = hits.Any(static h => h.Caller.Reach == OutsideReach.Anyone);
        // The bucket's settings combined with its account's, as S3 applies them.
        var block = BucketSettings.BlockPublicAccess(bucket, _snapshot.ContentsOf(owner)?.Resources);
        if (isPublic && block is { RestrictPublicBuckets: true })
        {
            // "public and cross-account access within any public bucket policy, including non-public delegation to
            // specific accounts, is blocked" (PublicAccessBlockConfiguration, S3 API reference): only the owner's
            // account and AWS services remain.
            return null;
        }
        var note = isPublic && block is { BlockPublicPolicy: true }
            ? "; BlockPublicPolicy is on, but it only refuses new public policies, not this one"
            : string.Empty;
        return Risks(bucket.Arn, bucket.Name, ResourceKind.Bucket, owner, hits, note);
    }

    private ResourceRisks? Key(string owner, KmsKey key)
    {
        var policy = _library.Get($"key policy of `{key.KeyId}`", key.Policy.Text);
        var region = Arn.TryParse(key.Arn, out var arn) ? arn.Region : null;
        // RCPs do not apply to AWS managed keys (kms/latest/developerguide/resource-control-policies.html).
        var hits = Probe(policy, owner, region, ProbeRequests.For(policy.Document, "kms", [key.Arn]), resourceControl: !key.IsAwsManaged, withMembers: true);
        return Risks(key.Arn, key.KeyId, ResourceKind.KmsKey, owner, hits, string.Empty);
    }

    private ResourceRisks? Other(string owner, ResourcePolicy other)
    {
        if (!Arn.TryParse(other.Arn, out var arn))
        {
            return null;
        }
        var policy = _library.Get($"resource policy of `{other.Arn}`", other.Policy.Text);
        var requests = ProbeRequests.For(policy.Document, arn.Service, ProbeRequests.OwnResources(other.Arn, policy.Document));
        var hits = Probe(policy, owner, arn.Region.Length > 0 ? arn.Region : null, requests, resourceControl: true, withMembers: false);
        return Risks(other.Arn, other.Arn, ResourceKind.Other, owner, hits, string.Empty);
    }

    private ResourceRisks? Role(string owner, IamRole role)
    {
        var policy = _library.Get($"trust policy of `{role.RoleName}`", role.TrustPolicy!);
        // A service named in a trust policy assumes the role for a principal of this account that passes it, so services are not probed here.
        var hits = Probe(policy, owner, null, [(AssumeRole, role.Arn)], resourceControl: true, withMembers: false, roles: true);
        var admin = _adminRoles.Contains(role.Arn);
        var findings = hits.GroupBy(static h => h.Caller.Label).Select(g =>
        {
            var caller = g.First().Caller;
            // The external id is a value the role's owner gives one third party; it guards against the confused deputy, so a
            // trust that needs it is narrower than one that does not (id_roles_create_for-user_externalid.html).
            var needsExternalId = g.All(static h => h.Check.ConditionKeys.Contains(ExternalId, StringComparer.OrdinalIgnoreCase));
            var severity = Raise(caller.Reach == OutsideReach.Anyone ? RiskSeverity.High : RiskSeverity.Medium, (needsExternalId ? -1 : 0) + (admin ? 1 : 0));
            var title = $"{Capitalised(caller.Label)} can assume it, " +
                (needsExternalId ? "given the sts:ExternalId its trust policy names" : "with no sts:ExternalId required") +
                (admin ? "; the role is an administrator" : string.Empty);
            return Finding(FindingCategory.OutsideAccess, severity, title, caller, role.Arn, [.. g]);
        });
        return Wrap(role.Arn, role.RoleName, ResourceKind.Role, owner, findings);
    }

    /// <summary>The findings of a bucket, key or other resource: one per outside caller that gains anything.</summary>
    private static ResourceRisks? Risks(string arn, string name, ResourceKind kind, string owner, List<ProbeHit> hits, string note)
    {
        var findings = hits.GroupBy(static h => h.Caller.Label).Select(g =>
        {
            var caller = g.First().Caller;
            var list = g.ToList();
            var actions = Actions(list);
            var manages = actions.Any(static a => ActionCatalog.Default.TryGetAction(a, out var info) && info!.AccessLevel == AccessLevel.PermissionsManagement) ? 1 : 0;
            if (caller.Reach is OutsideReach.Account or OutsideReach.MemberAccount && kind == ResourceKind.KmsKey)
            {
                var severity = Raise(caller.Reach == OutsideReach.Account ? RiskSeverity.Medium : RiskSeverity.Low, manages);
                return Finding(FindingCategory.KeyDelegation, severity,
                    $"The key policy lets {caller.Label} decide through its own IAM who may {Summary(actions)}", caller, arn, list);
            }
            var exposure = Raise(caller.Reach == OutsideReach.Anyone ? RiskSeverity.High : RiskSeverity.Medium, manages);
            var deputy = caller.Reach == OutsideReach.Service ? "; no aws:SourceAccount, aws:SourceArn or aws:SourceOrgID keeps it to this organisation" : string.Empty;
            var delegated = caller.Reach == OutsideReach.Account ? "; its own IAM decides which of its principals" : string.Empty;
            return Finding(FindingCategory.OutsideAccess, exposure, $"{Capitalised(caller.Label)} can {Summary(actions)}{note}{delegated}{deputy}", caller, arn, list);
        });
        return Wrap(arn, name, kind, owner, findings);
    }

    private static ResourceRisks? Wrap(string arn, string name, ResourceKind kind, string owner, IEnumerable<Finding> findings)
    {
        var sorted = findings.OrderByDescending(static f => f.Severity).ThenBy(static f => f.Title, StringComparer.Ordinal).ToImmutableArray();
        return sorted.IsEmpty ? null : new ResourceRisks(arn, name, kind, owner, sorted);
    }

    private static Finding Finding(FindingCategory category, RiskSeverity severity, string title, OutsideCaller caller, string resourceArn, List<ProbeHit> hits)
    {
        var evidence = hits.SelectMany(static h => h.Check.GrantedBy).Where(static r => r.PolicyType == PolicyType.Resource).Distinct()
            .Select(r => FindingEvidence.From(resourceArn, r)).ToImmutableArray();
        var keys = hits.SelectMany(static h => h.Check.ConditionKeys).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.OrdinalIgnoreCase).ToImmutableArray();
        var who = caller.Reach switch
        {
            OutsideReach.Anyone => "*",
            OutsideReach.Account or OutsideReach.MemberAccount => $"arn:aws:iam::{caller.AccountId}:root",
            _ => caller.Arn,
        };
        return new Finding(category, severity, title, null, Actions(hits), [who, resourceArn], evidence, keys);
    }

    private List<ProbeHit> Probe(NamedPolicy policy, string owner, string? region, IEnumerable<(string Action, string Resource)> requests,
        bool resourceControl, bool withMembers, bool roles = false)
    {
        var set = new PolicySet
        {
            IdentityPolicies = [OutsideIdentity],
            ResourcePolicy = policy,
            ResourceControlPolicies = resourceControl ? ResourceControl(owner) : [],
        };
        var pairs = requests.ToList();
        var hits = new List<ProbeHit>();
        foreach (var caller in _callers.For(policy, owner, region, withMembers, withServices: !roles))
        {
            // A service principal has no identity policies: the resource's policy alone must grant it.
            var callerSet = caller.Reach == OutsideReach.Service ? set with { IdentityPolicies = [] } : set;
            var analyzer = AccessAnalyzer.Create(callerSet, caller.Arn, new AnalysisAssumptions(_asOf, caller.Context));
            foreach (var (action, resource) in pairs)
            {
                var check = analyzer.CheckOwned(action, resource, owner);
                if (OutsideCallers.Grants(caller, check))
                {
                    hits.Add(new ProbeHit(caller, check));
                }
            }
        }
        return hits;
    }

    private ImmutableArray<ImmutableArray<NamedPolicy>> ResourceControl(string owner)
        => _resourceControl.GetOrAdd(owner, static (owner, scan) => [.. scan._snapshot.ResourceControlPolicyLevels(owner)
            .Select(level => level.Policies.Select(p => scan._library.Get($"RCP `{p.Name}`", p.Content.Text)).ToImmutableArray())], this);

    private static ImmutableArray<string> Actions(IEnumerable<ProbeHit> hits)
        => [.. hits.Select(static h => h.Check.Action).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal)];

    private static string Summary(ImmutableArray<string> actions)
        => actions.Length <= ActionsInTitle
            ? string.Join(", ", actions)
            : $"{string.Join(", ", actions.Take(ActionsInTitle))} and {actions.Length - ActionsInTitle} more actions";

    private static RiskSeverity Raise(RiskSeverity severity, int by)
        => (RiskSeverity)Math.Clamp((int)severity + by, (int)RiskSeverity.Low, (int)RiskSeverity.Critical);

    private static string Capitalised(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
