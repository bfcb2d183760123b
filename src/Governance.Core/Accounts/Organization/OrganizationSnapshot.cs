using System.Collections.Frozen;
using System.Collections.Immutable;
using PolicyEngine.Model;

namespace Governance.Core.Accounts.Organization;

/// <summary>
/// An organisation of accounts as one picture: its hierarchy, its SCPs and RCPs, and for each account the snapshot
/// holds its IAM and its resources' own policies. Read by <see cref="OrganizationSnapshotReader"/>.
/// </summary>
/// <remarks>
/// <para>
/// Immutable and thread-safe. Everything a question needs per account (the path from the root, the SCP and RCP
/// levels, who owns a bucket or key) is computed once, when the snapshot is built.
/// </para>
/// <para>
/// Accounts in <see cref="Contents"/> that are not members (<see cref="IsInOrganization"/> false) are outside
/// accounts whose IAM the user knows, such as a vendor's export: their principals are outside principals.
/// </para>
/// <para>
/// A snapshot read from a single <c>get-account-authorization-details</c> file is an organisation of that one account:
/// <see cref="Organization"/> is null, no SCP or RCP applies, and <see cref="ResourcePoliciesKnown"/> is false.
/// </para>
/// </remarks>
public sealed class OrganizationSnapshot
{
    private readonly FrozenDictionary<string, OrganizationAccount> _accounts;
    private readonly FrozenDictionary<string, AccountContents> _contents;
    private readonly FrozenDictionary<string, AccountGuardrails> _guardrails;
    private readonly FrozenDictionary<string, OwnedResource<S3Bucket>> _buckets;
    private readonly FrozenDictionary<string, OwnedResource<KmsKey>> _keysByArn;
    private readonly FrozenDictionary<string, OwnedResource<KmsKey>?> _keysById;
    private readonly FrozenDictionary<string, OwnedResource<ResourcePolicy>> _otherByArn;

    internal OrganizationSnapshot(
        OrganizationInfo? organization,
        ImmutableArray<OrganizationRoot> roots,
        ImmutableArray<OrganizationalUnit> organizationalUnits,
        ImmutableArray<OrganizationAccount> accounts,
        ImmutableArray<OrganizationPolicy> policies,
        bool serviceControlPoliciesEnabled,
        bool resourceControlPoliciesEnabled,
        IEnumerable<AccountContents> contents,
        bool resourcePoliciesKnown)
    {
        Organization = organization;
        Roots = roots;
        OrganizationalUnits = organizationalUnits;
        Accounts = accounts;
        Policies = policies;
        ServiceControlPoliciesEnabled = serviceControlPoliciesEnabled;
        ResourceControlPoliciesEnabled = resourceControlPoliciesEnabled;
        Contents = [.. contents.OrderBy(static c => c.AccountId, StringComparer.Ordinal)];
        ResourcePoliciesKnown = resourcePoliciesKnown;

        // Invariant: the reader has checked ids are unique and parents exist; first-wins keeps a hand-built snapshot
        // from throwing here all the same.
        _accounts = FirstWins(accounts, static a => a.Id);
        _contents = FirstWins(Contents, static c => c.AccountId);
        _guardrails = ComputeGuardrails();
        var owned = Contents.Where(static c => c.Resources is not null).ToArray();
        _buckets = FirstWins(owned.SelectMany(static c => c.Resources!.Buckets.Select(b => new OwnedResource<S3Bucket>(c.AccountId, b))),
            static b => b.Resource.Name);
        var keys = owned.SelectMany(static c => c.Resources!.KmsKeys.Select(k => new OwnedResource<KmsKey>(c.AccountId, k))).ToArray();
        _keysByArn = FirstWins(keys, static k => k.Resource.Arn);
        // A key id names one key, but a multi-Region key's replicas share it: an id held by keys of two accounts is
        // ambiguous, and looking it up finds nothing rather than guessing.
        _keysById = keys.GroupBy(static k => k.Resource.KeyId, StringComparer.Ordinal)
            .ToFrozenDictionary(static g => g.Key,
                static g => g.Select(static k => k.AccountId).Distinct(StringComparer.Ordinal).Count() == 1 ? g.First() : null,
                StringComparer.Ordinal);
        _otherByArn = FirstWins(owned.SelectMany(static c => c.Resources!.Other.Select(o => new OwnedResource<ResourcePolicy>(c.AccountId, o))),
            static o => o.Resource.Arn);
    }

    /// <summary>
    /// An organisation of one account, as a single <c>get-account-authorization-details</c> export describes it: no
    /// known organisation, no SCPs or RCPs, and resource policies unknown.
    /// </summary>
    /// <param name="accountId">The account's id.</param>
    /// <param name="iam">The account's IAM.</param>
    public static OrganizationSnapshot SingleAccount(string accountId, AccountSnapshot iam)
    {
        ArgumentNullException.ThrowIfNull(accountId);
        ArgumentNullException.ThrowIfNull(iam);
        return new OrganizationSnapshot(null, [], [], [new OrganizationAccount(accountId, string.Empty, accountId, string.Empty, string.Empty)], [],
            serviceControlPoliciesEnabled: false, resourceControlPoliciesEnabled: false, [new AccountContents(accountId, iam, null)],
            resourcePoliciesKnown: false);
    }

    /// <summary>
    /// The same organisation with <paramref name="iam"/> as the IAM of <paramref name="accountId"/>: what a change to one
    /// account's IAM (a grant being previewed) would make of the whole picture.
    /// </summary>
    public OrganizationSnapshot WithAccountIam(string accountId, AccountSnapshot iam)
    {
        ArgumentNullException.ThrowIfNull(accountId);
        ArgumentNullException.ThrowIfNull(iam);
        var contents = Contents.Where(c => c.AccountId != accountId)
            .Append(new AccountContents(accountId, iam, ContentsOf(accountId)?.Resources));
        return new OrganizationSnapshot(Organization, Roots, OrganizationalUnits, Accounts, Policies, ServiceControlPoliciesEnabled,
            ResourceControlPoliciesEnabled, contents, ResourcePoliciesKnown);
    }

    /// <summary>
    /// The accounts of IAM exports alone (<c>--account FILE...</c>), as <see cref="SingleAccount"/> for several: no known
    /// organisation, no SCPs or RCPs, and resource policies unknown. Each export is filed under the first account its
    /// principals name; an export can span accounts, and its principals keep their own.
    /// </summary>
    /// <param name="iam">The exports.</param>
    public static OrganizationSnapshot OfAccounts(IEnumerable<AccountSnapshot> iam)
    {
        ArgumentNullException.ThrowIfNull(iam);
        var contents = iam.Select((s, i) => new AccountContents(s.AccountIds.FirstOrDefault() ?? $"export-{i}", s, null)).ToArray();
        var accounts = contents.Select(static c => c.AccountId).Distinct(StringComparer.Ordinal)
            .Select(static id => new OrganizationAccount(id, string.Empty, id, string.Empty, string.Empty));
        return new OrganizationSnapshot(null, [], [], [.. accounts], [], serviceControlPoliciesEnabled: false, resourceControlPoliciesEnabled: false,
            contents, resourcePoliciesKnown: false);
    }

    /// <summary>The organisation; null for a single account's snapshot, which belongs to no known organisation.</summary>
    public OrganizationInfo? Organization { get; }

    /// <summary>The root (AWS organisations have exactly one).</summary>
    public ImmutableArray<OrganizationRoot> Roots { get; }

    /// <summary>Every OU.</summary>
    public ImmutableArray<OrganizationalUnit> OrganizationalUnits { get; }

    /// <summary>Every member account, the management account included when the snapshot lists it.</summary>
    public ImmutableArray<OrganizationAccount> Accounts { get; }

    /// <summary>Every SCP and RCP the snapshot lists, with its targets; the implied <c>RCPFullAWSAccess</c> is not listed.</summary>
    public ImmutableArray<OrganizationPolicy> Policies { get; }

    /// <summary>True when SCPs are enabled in the root, so that they restrict member accounts.</summary>
    public bool ServiceControlPoliciesEnabled { get; }

    /// <summary>True when RCPs are enabled in the root, so that they restrict member accounts' resources.</summary>
    public bool ResourceControlPoliciesEnabled { get; }

    /// <summary>What the snapshot holds inside each account, by account id; members and outside accounts alike.</summary>
    public ImmutableArray<AccountContents> Contents { get; }

    /// <summary>
    /// False when the snapshot cannot know resource policies at all (a single account's IAM export): answers about
    /// buckets, keys and other resources must then say "resource policies unknown". True for an organisation folder,
    /// where an account without <c>resources.json</c> still has <see cref="AccountContents.Resources"/> null.
    /// </summary>
    public bool ResourcePoliciesKnown { get; }

    /// <summary>Accounts whose contents the snapshot holds but that are not members of the organisation.</summary>
    public IEnumerable<string> OutsideAccountIds => Contents.Select(static c => c.AccountId).Where(id => !IsInOrganization(id));

    /// <summary>True when <paramref name="accountId"/> is a member of the organisation, the management account included.</summary>
    public bool IsInOrganization(string accountId)
    {
        ArgumentNullException.ThrowIfNull(accountId);
        return _accounts.ContainsKey(accountId) || IsManagementAccount(accountId);
    }

    /// <summary>True when <paramref name="accountId"/> is the organisation's management account.</summary>
    public bool IsManagementAccount(string accountId)
    {
        ArgumentNullException.ThrowIfNull(accountId);
        return Organization is { } org && string.Equals(org.ManagementAccountId, accountId, StringComparison.Ordinal);
    }

    /// <summary>The member account with this id, when the snapshot lists it.</summary>
    public OrganizationAccount? FindAccount(string accountId)
    {
        ArgumentNullException.ThrowIfNull(accountId);
        return _accounts.GetValueOrDefault(accountId);
    }

    /// <summary>What the snapshot holds inside the account, when it holds anything.</summary>
    public AccountContents? ContentsOf(string accountId)
    {
        ArgumentNullException.ThrowIfNull(accountId);
        return _contents.GetValueOrDefault(accountId);
    }

    /// <summary>
    /// The path from the root down to the account: the root, each OU in turn, then the account itself. Empty for an
    /// account the snapshot does not list as a member.
    /// </summary>
    public ImmutableArray<OrganizationNode> PathTo(string accountId)
    {
        ArgumentNullException.ThrowIfNull(accountId);
        return _guardrails.TryGetValue(accountId, out var g) ? g.Path : [];
    }

    /// <summary>
    /// The SCP levels that restrict the account's principals, from the root down to the account: at every level some
    /// SCP must allow a request, and a Deny at any level denies it. Empty when SCPs do not apply to the account; see
    /// <see cref="ServiceControlPolicyExemption"/> for why.
    /// </summary>
    public ImmutableArray<PolicyLevel> ServiceControlPolicyLevels(string accountId)
    {
        ArgumentNullException.ThrowIfNull(accountId);
        return _guardrails.TryGetValue(accountId, out var g) ? g.ServiceControl : [];
    }

    /// <summary>
    /// The RCP levels that restrict requests to the account's resources, from the root down to the account; each level
    /// holds <c>RCPFullAWSAccess</c> (implied when the snapshot does not list it), so only RCP denies restrict. Empty
    /// when RCPs do not apply; see <see cref="ResourceControlPolicyExemption"/> for why.
    /// </summary>
    public ImmutableArray<PolicyLevel> ResourceControlPolicyLevels(string accountId)
    {
        ArgumentNullException.ThrowIfNull(accountId);
        return _guardrails.TryGetValue(accountId, out var g) ? g.ResourceControl : [];
    }

    /// <summary>Whether SCPs restrict the account's principals, and if not, why not.</summary>
    public ControlPolicyExemption ServiceControlPolicyExemption(string accountId)
    {
        ArgumentNullException.ThrowIfNull(accountId);
        return Exemption(accountId, ServiceControlPoliciesEnabled);
    }

    /// <summary>Whether RCPs restrict requests to the account's resources, and if not, why not.</summary>
    public ControlPolicyExemption ResourceControlPolicyExemption(string accountId)
    {
        ArgumentNullException.ThrowIfNull(accountId);
        return Exemption(accountId, ResourceControlPoliciesEnabled);
    }

    /// <summary>The bucket with this name and the account that owns it, when the snapshot holds it.</summary>
    public OwnedResource<S3Bucket>? FindBucket(string bucketName)
    {
        ArgumentNullException.ThrowIfNull(bucketName);
        return _buckets.GetValueOrDefault(bucketName);
    }

    /// <summary>
    /// The bucket an S3 bucket or object ARN (<c>arn:aws:s3:::BUCKET</c> or <c>arn:aws:s3:::BUCKET/KEY</c>) names, and
    /// its owner; null for other ARNs and for buckets the snapshot does not hold.
    /// </summary>
    public OwnedResource<S3Bucket>? FindBucketForArn(string arn)
    {
        ArgumentNullException.ThrowIfNull(arn);
        if (!Arn.TryParse(arn, out var parsed) || parsed.Service != "s3" || parsed.Region.Length != 0 || parsed.Account.Length != 0)
        {
            return null;
        }
        var resource = parsed.Resource;
        var slash = resource.IndexOf('/', StringComparison.Ordinal);
        return FindBucket(slash < 0 ? resource : resource[..slash]);
    }

    /// <summary>
    /// The KMS key with this key ARN or key id, and its owner. A key id shared by keys of two accounts finds nothing, as
    /// does an alias: the snapshot does not hold aliases.
    /// </summary>
    public OwnedResource<KmsKey>? FindKmsKey(string keyArnOrId)
    {
        ArgumentNullException.ThrowIfNull(keyArnOrId);
        return keyArnOrId.StartsWith("arn:", StringComparison.Ordinal)
            ? _keysByArn.GetValueOrDefault(keyArnOrId)
            : _keysById.GetValueOrDefault(keyArnOrId);
    }

    /// <summary>The resource policy listed under <c>Other</c> for this ARN, and its owner.</summary>
    public OwnedResource<ResourcePolicy>? FindResourcePolicy(string arn)
    {
        ArgumentNullException.ThrowIfNull(arn);
        return _otherByArn.GetValueOrDefault(arn);
    }

    private ControlPolicyExemption Exemption(string accountId, bool enabled)
        => !IsInOrganization(accountId) ? ControlPolicyExemption.OutsideOrganization
            : IsManagementAccount(accountId) ? ControlPolicyExemption.ManagementAccount
            : !enabled ? ControlPolicyExemption.NotEnabled
            : ControlPolicyExemption.None;

    private FrozenDictionary<string, AccountGuardrails> ComputeGuardrails()
    {
        var nodes = new Dictionary<string, (OrganizationNode Node, string? Parent)>(StringComparer.Ordinal);
        foreach (var root in Roots)
        {
            nodes.TryAdd(root.Id, (new OrganizationNode(PolicyTargetType.Root, root.Id, root.Name), null));
        }
        foreach (var unit in OrganizationalUnits)
        {
            nodes.TryAdd(unit.Id, (new OrganizationNode(PolicyTargetType.OrganizationalUnit, unit.Id, unit.Name), unit.ParentId));
        }
        var attached = new Dictionary<(string Target, OrganizationPolicyType Type), List<OrganizationPolicy>>();
        foreach (var policy in Policies)
        {
            foreach (var target in policy.Targets.Select(static t => t.TargetId).Distinct(StringComparer.Ordinal))
            {
                var key = (target, policy.Type);
                if (!attached.TryGetValue(key, out var list))
                {
                    attached[key] = list = [];
                }
                list.Add(policy);
            }
        }

        var result = new Dictionary<string, AccountGuardrails>(StringComparer.Ordinal);
        foreach (var account in Accounts)
        {
            var path = Path(account, nodes);
            var scpExempt = Exemption(account.Id, ServiceControlPoliciesEnabled);
            var rcpExempt = Exemption(account.Id, ResourceControlPoliciesEnabled);
            result.TryAdd(account.Id, new AccountGuardrails(
                path,
                scpExempt == ControlPolicyExemption.None ? [.. path.Select(n => Level(n, OrganizationPolicyType.ServiceControlPolicy))] : [],
                rcpExempt == ControlPolicyExemption.None ? [.. path.Select(n => Level(n, OrganizationPolicyType.ResourceControlPolicy))] : []));
        }
        return result.ToFrozenDictionary(StringComparer.Ordinal);

        PolicyLevel Level(OrganizationNode node, OrganizationPolicyType type)
        {
            var policies = attached.TryGetValue((node.Id, type), out var list) ? list : [];
            // AWS attaches RCPFullAWSAccess to every root, OU and account and it cannot be detached, so it stands at
            // every level whether or not the export lists it there.
            return type == OrganizationPolicyType.ResourceControlPolicy && !policies.Any(static p => p.Id == OrganizationPolicy.RcpFullAwsAccessId)
                ? new PolicyLevel(node, [OrganizationPolicy.RcpFullAwsAccess, .. policies])
                : new PolicyLevel(node, [.. policies]);
        }
    }

    private static ImmutableArray<OrganizationNode> Path(OrganizationAccount account, Dictionary<string, (OrganizationNode Node, string? Parent)> nodes)
    {
        var upward = new List<OrganizationNode> { new(PolicyTargetType.Account, account.Id, account.Name) };
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var parent = account.ParentId;
        // Invariant: the reader refuses unknown parents and cycles; the seen set keeps a hand-built snapshot finite.
        while (parent is { Length: > 0 } && seen.Add(parent) && nodes.TryGetValue(parent, out var step))
        {
            upward.Add(step.Node);
            parent = step.Parent;
        }
        upward.Reverse();
        return [.. upward];
    }

    private static FrozenDictionary<string, T> FirstWins<T>(IEnumerable<T> items, Func<T, string> key)
    {
        var map = new Dictionary<string, T>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            map.TryAdd(key(item), item);
        }
        return map.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>The hierarchy path and control-policy levels of one member account.</summary>
    private sealed record AccountGuardrails(ImmutableArray<OrganizationNode> Path, ImmutableArray<PolicyLevel> ServiceControl, ImmutableArray<PolicyLevel> ResourceControl);
}
