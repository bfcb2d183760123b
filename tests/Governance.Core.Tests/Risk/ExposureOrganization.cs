using System.Collections.Immutable;
using Governance.Core.Accounts;
using Governance.Core.Accounts.Organization;
using Governance.Core.Risk;

namespace Governance.Core.Tests.Risk;

/// <summary>
/// Builds a small organisation in code for the exposure and guardrail audits: root `Root` (FullAWSAccess) holding the
/// management account and OU `Workloads` (FullAWSAccess unless taken off) with two member accounts. Account
/// <see cref="Outside"/> is not a member.
/// </summary>
internal sealed class ExposureOrganization
{
    public const string OrganizationId = "o-exposure0001";
    public const string Management = "123456789012";
    public const string App = "111111111111";
    public const string Data = "222222222222";
    public const string Outside = "444455556666";
    public const string RootId = "r-expo";
    public const string WorkloadsOu = "ou-expo-workload";
    public const string FullAccess = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}""";

    public static readonly DateTimeOffset AsOf = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);

    private readonly Dictionary<string, List<IamRole>> _roles = [];
    private readonly Dictionary<string, List<S3Bucket>> _buckets = [];
    private readonly Dictionary<string, List<KmsKey>> _keys = [];
    private readonly Dictionary<string, List<ResourcePolicy>> _other = [];
    private readonly Dictionary<string, PublicAccessBlock> _accountBlocks = [];
    private readonly List<OrganizationPolicy> _policies = [];
    private bool _workloadsFullAccess = true;

    public ExposureOrganization Role(string account, string name, string trustPolicy, string? identityPolicy = null)
    {
        Add(_roles, account, new IamRole(name, "AROA" + name.ToUpperInvariant(), $"arn:aws:iam::{account}:role/{name}", "/", trustPolicy,
            identityPolicy is null ? [] : [new InlinePolicy("inline", identityPolicy)], [], null, []));
        return this;
    }

    public ExposureOrganization Bucket(string account, string name, string? policy, PublicAccessBlock? block = null)
    {
        Add(_buckets, account, new S3Bucket(name, "eu-west-1", policy is null ? null : new PolicyText(policy), block, "BucketOwnerEnforced", null));
        return this;
    }

    /// <summary>The account's own S3 Block Public Access settings.</summary>
    public ExposureOrganization AccountBlock(string account, PublicAccessBlock block)
    {
        _accountBlocks[account] = block;
        return this;
    }

    public ExposureOrganization Key(string account, string keyId, string policy, bool awsManaged = false)
    {
        Add(_keys, account, new KmsKey(keyId, $"arn:aws:kms:eu-west-1:{account}:key/{keyId}", awsManaged ? "AWS" : "CUSTOMER", new PolicyText(policy)));
        return this;
    }

    public ExposureOrganization Other(string account, string arn, string policy)
    {
        Add(_other, account, new ResourcePolicy(arn, new PolicyText(policy)));
        return this;
    }

    public ExposureOrganization Scp(string name, string content, params PolicyTarget[] targets)
        => Attach(name, OrganizationPolicyType.ServiceControlPolicy, content, targets);

    public ExposureOrganization Rcp(string name, string content, params PolicyTarget[] targets)
        => Attach(name, OrganizationPolicyType.ResourceControlPolicy, content, targets);

    /// <summary>Takes FullAWSAccess off OU `Workloads`, as an allow-list put in its place does.</summary>
    public ExposureOrganization WithoutFullAccessOnWorkloads()
    {
        _workloadsFullAccess = false;
        return this;
    }

    public static PolicyTarget Root => new(RootId, PolicyTargetType.Root);

    public static PolicyTarget Workloads => new(WorkloadsOu, PolicyTargetType.OrganizationalUnit);

    public static PolicyTarget AccountTarget(string id) => new(id, PolicyTargetType.Account);

    public OrganizationSnapshot Build()
    {
        List<PolicyTarget> fullAccessTargets = [Root, AccountTarget(Management), AccountTarget(App), AccountTarget(Data)];
        if (_workloadsFullAccess)
        {
            fullAccessTargets.Add(Workloads);
        }
        var fullAccess = new OrganizationPolicy("p-FullAWSAccess", "arn:aws:organizations::aws:policy/service_control_policy/p-FullAWSAccess", "FullAWSAccess",
            OrganizationPolicyType.ServiceControlPolicy, true, new PolicyText(FullAccess), [.. fullAccessTargets]);
        var contents = new[] { Management, App, Data, Outside }.Select(id => new AccountContents(id,
            new AccountSnapshot([], [], [.. _roles.GetValueOrDefault(id) ?? []], []),
            new AccountResources([.. _buckets.GetValueOrDefault(id) ?? []], [.. _keys.GetValueOrDefault(id) ?? []], [.. _other.GetValueOrDefault(id) ?? []])
            {
                PublicAccessBlock = _accountBlocks.GetValueOrDefault(id),
            }));
        return new OrganizationSnapshot(
            new OrganizationInfo(OrganizationId, $"arn:aws:organizations::{Management}:organization/{OrganizationId}", Management),
            [new OrganizationRoot(RootId, "arn:aws:organizations::123456789012:root/o-exposure0001/r-expo", "Root")],
            [new OrganizationalUnit(WorkloadsOu, "arn:aws:organizations::123456789012:ou/o-exposure0001/ou-expo-workload", "Workloads", RootId)],
            [
                new OrganizationAccount(Management, "arn:m", "management", "ACTIVE", RootId),
                new OrganizationAccount(App, "arn:a", "app", "ACTIVE", WorkloadsOu),
                new OrganizationAccount(Data, "arn:d", "data", "ACTIVE", WorkloadsOu),
            ],
            [fullAccess, .. _policies],
            serviceControlPoliciesEnabled: true,
            resourceControlPoliciesEnabled: true,
            contents,
            resourcePoliciesKnown: true);
    }

    /// <summary>The organisation's audit: principals, resources and guardrails.</summary>
    public AccountRisks Audit() => OrganizationAnalyzer.Analyze(Build(), new RiskAnalysisOptions(AsOf));

    /// <summary>The findings of the resource or guardrail named <paramref name="name"/>; empty when it has none.</summary>
    public static ImmutableArray<Finding> FindingsOf(AccountRisks audit, string name)
        => audit.Resources.FirstOrDefault(r => r.Name == name)?.Findings ?? [];

    private ExposureOrganization Attach(string name, OrganizationPolicyType type, string content, PolicyTarget[] targets)
    {
        var kind = type == OrganizationPolicyType.ServiceControlPolicy ? "service_control_policy" : "resource_control_policy";
        _policies.Add(new OrganizationPolicy("p-" + name, $"arn:aws:organizations::{Management}:policy/{OrganizationId}/{kind}/p-{name}", name, type, false,
            new PolicyText(content), [.. targets]));
        return this;
    }

    private static void Add<T>(Dictionary<string, List<T>> map, string account, T item)
    {
        if (!map.TryGetValue(account, out var list))
        {
            map[account] = list = [];
        }
        list.Add(item);
    }
}
