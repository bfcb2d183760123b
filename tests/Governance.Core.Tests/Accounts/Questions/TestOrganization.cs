using System.Collections.Immutable;
using Governance.Core.Accounts;
using Governance.Core.Accounts.Organization;
using Governance.Core.Accounts.Questions;

namespace Governance.Core.Tests.Accounts.Questions;

/// <summary>
/// Builds a small organisation in code: root `Root` (FullAWSAccess) with the management account and OU `Data`
/// (FullAWSAccess unless replaced) holding a consumer and a producer account; an outside account whose IAM is known.
/// </summary>
internal sealed class TestOrganization
{
    public const string OrganizationId = "o-testorg0001";
    public const string Management = "999999999999";
    public const string Consumer = "111111111111";
    public const string Producer = "222222222222";
    public const string Outside = "333333333333";
    private const string RootId = "r-test";
    private const string DataOu = "ou-test-data0001";
    private const string FullAccess = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}""";

    private readonly Dictionary<string, List<IamRole>> _roles = [];
    private readonly Dictionary<string, List<IamUser>> _users = [];
    private readonly Dictionary<string, List<ManagedPolicy>> _managed = [];
    private readonly Dictionary<string, List<S3Bucket>> _buckets = [];
    private readonly Dictionary<string, List<KmsKey>> _keys = [];
    private readonly List<OrganizationPolicy> _policies = [];
    private bool _dataFullAccess = true;

    public static string RoleArn(string account, string name) => $"arn:aws:iam::{account}:role/{name}";

    public static string UserArn(string account, string name) => $"arn:aws:iam::{account}:user/{name}";

    /// <summary>Adds a role; <paramref name="boundary"/> becomes the managed policy `boundary-NAME` set as its permissions boundary.</summary>
    public TestOrganization Role(string account, string name, string? identityPolicy, string? trustPolicy = null, string? boundary = null)
    {
        var role = new IamRole(name, "AROA" + name.ToUpperInvariant(), RoleArn(account, name), "/",
            trustPolicy ?? $$"""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::{{account}}:root"},"Action":"sts:AssumeRole"}]}""",
            identityPolicy is null ? [] : [new InlinePolicy("inline", identityPolicy)], [], Boundary(account, name, boundary), []);
        Add(_roles, account, role);
        return this;
    }

    /// <summary>Adds a user, with a permissions boundary as for <see cref="Role"/>, and its tags.</summary>
    public TestOrganization User(string account, string name, string? identityPolicy, string? boundary = null, params IamTag[] tags)
    {
        var user = new IamUser(name, "AIDA" + name.ToUpperInvariant(), UserArn(account, name), "/", [],
            identityPolicy is null ? [] : [new InlinePolicy("inline", identityPolicy)], [], Boundary(account, name, boundary), [.. tags]);
        Add(_users, account, user);
        return this;
    }

    public TestOrganization Bucket(string account, string name, string? policy, BucketEncryption? encryption = null)
    {
        Add(_buckets, account, new S3Bucket(name, "eu-west-1", policy is null ? null : new PolicyText(policy), null, "BucketOwnerEnforced", encryption));
        return this;
    }

    public TestOrganization Key(string account, string keyId, string policy)
    {
        Add(_keys, account, new KmsKey(keyId, $"arn:aws:kms:eu-west-1:{account}:key/{keyId}", "CUSTOMER", new PolicyText(policy)));
        return this;
    }

    /// <summary>Attaches an SCP to the root (<paramref name="onDataOu"/> false) or to OU `Data`.</summary>
    public TestOrganization Scp(string name, string content, bool onDataOu)
        => Attach(name, OrganizationPolicyType.ServiceControlPolicy, content, onDataOu ? new PolicyTarget(DataOu, PolicyTargetType.OrganizationalUnit) : new PolicyTarget(RootId, PolicyTargetType.Root));

    /// <summary>Takes FullAWSAccess off OU `Data`, as an allow-list SCP put in its place does.</summary>
    public TestOrganization WithoutFullAccessOnData()
    {
        _dataFullAccess = false;
        return this;
    }

    public TestOrganization Rcp(string name, string content)
        => Attach(name, OrganizationPolicyType.ResourceControlPolicy, content, new PolicyTarget(RootId, PolicyTargetType.Root));

    public OrganizationAuthorizer Build()
    {
        List<PolicyTarget> fullAccessTargets =
        [
            new(RootId, PolicyTargetType.Root), new(Management, PolicyTargetType.Account), new(Consumer, PolicyTargetType.Account),
            new(Producer, PolicyTargetType.Account),
        ];
        if (_dataFullAccess)
        {
            fullAccessTargets.Add(new PolicyTarget(DataOu, PolicyTargetType.OrganizationalUnit));
        }
        var fullAccess = new OrganizationPolicy("p-FullAWSAccess", "arn:aws:organizations::aws:policy/service_control_policy/p-FullAWSAccess", "FullAWSAccess",
            OrganizationPolicyType.ServiceControlPolicy, true, new PolicyText(FullAccess), [.. fullAccessTargets]);
        var contents = new[] { Management, Consumer, Producer, Outside }.Select(id => new AccountContents(id,
            new AccountSnapshot([.. _users.GetValueOrDefault(id) ?? []], [], [.. _roles.GetValueOrDefault(id) ?? []], [.. _managed.GetValueOrDefault(id) ?? []]),
            id == Outside ? null : new AccountResources([.. _buckets.GetValueOrDefault(id) ?? []], [.. _keys.GetValueOrDefault(id) ?? []], [])));
        var snapshot = new OrganizationSnapshot(
            new OrganizationInfo(OrganizationId, $"arn:aws:organizations::{Management}:organization/{OrganizationId}", Management),
            [new OrganizationRoot(RootId, "arn:root", "Root")],
            [new OrganizationalUnit(DataOu, "arn:ou", "Data", RootId)],
            [
                new OrganizationAccount(Management, "arn:a", "management", "ACTIVE", RootId),
                new OrganizationAccount(Consumer, "arn:b", "consumer", "ACTIVE", DataOu),
                new OrganizationAccount(Producer, "arn:c", "producer", "ACTIVE", DataOu),
            ],
            [fullAccess, .. _policies],
            serviceControlPoliciesEnabled: true,
            resourceControlPoliciesEnabled: true,
            contents,
            resourcePoliciesKnown: true);
        return new OrganizationAuthorizer(snapshot);
    }

    private TestOrganization Attach(string name, OrganizationPolicyType type, string content, PolicyTarget target)
    {
        _policies.Add(new OrganizationPolicy("p-" + name, "arn:aws:organizations::policy/" + name, name, type, false, new PolicyText(content), [target]));
        return this;
    }

    private PolicyAttachment? Boundary(string account, string principal, string? document)
    {
        if (document is null)
        {
            return null;
        }
        var name = "boundary-" + principal;
        var arn = $"arn:aws:iam::{account}:policy/{name}";
        Add(_managed, account, new ManagedPolicy(name, arn, "/", "v1", [new ManagedPolicyVersion("v1", true, document)]));
        return new PolicyAttachment(name, arn);
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
