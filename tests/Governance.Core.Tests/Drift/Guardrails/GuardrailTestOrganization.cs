using Governance.Core.Accounts;
using Governance.Core.Accounts.Organization;

namespace Governance.Core.Tests.Drift.Guardrails;

/// <summary>
/// A small organisation in code for guardrail drift: root `r-test`, OU `Data` (`ou-test-data0001`) under it, OU
/// `Consumers` (`ou-test-cons0001`) under `Data`, and account `analytics` (111111111111) in `Consumers`; SCPs and RCPs
/// enabled, and only the policies a test attaches.
/// </summary>
internal sealed class GuardrailTestOrganization
{
    public const string RootId = "r-test";
    public const string DataOu = "ou-test-data0001";
    public const string ConsumersOu = "ou-test-cons0001";
    public const string Analytics = "111111111111";

    private readonly List<OrganizationPolicy> _policies = [];
    private bool _scpsEnabled = true;

    public GuardrailTestOrganization Scp(string name, string content, params string[] targets)
        => Attach(name, OrganizationPolicyType.ServiceControlPolicy, content, awsManaged: false, targets);

    public GuardrailTestOrganization Rcp(string name, string content, params string[] targets)
        => Attach(name, OrganizationPolicyType.ResourceControlPolicy, content, awsManaged: false, targets);

    public GuardrailTestOrganization FullAwsAccess(params string[] targets)
        => Attach("FullAWSAccess", OrganizationPolicyType.ServiceControlPolicy,
            """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}""", awsManaged: true, targets);

    public GuardrailTestOrganization WithoutScps()
    {
        _scpsEnabled = false;
        return this;
    }

    public OrganizationSnapshot Build() => new(
        new OrganizationInfo("o-test000001", "arn:aws:organizations::999999999999:organization/o-test000001", "999999999999"),
        [new OrganizationRoot(RootId, "arn:root", "Root")],
        [new OrganizationalUnit(DataOu, "arn:ou:data", "Data", RootId), new OrganizationalUnit(ConsumersOu, "arn:ou:consumers", "Consumers", DataOu)],
        [new OrganizationAccount(Analytics, "arn:account", "analytics", "ACTIVE", ConsumersOu)],
        [.. _policies],
        serviceControlPoliciesEnabled: _scpsEnabled,
        resourceControlPoliciesEnabled: true,
        [new AccountContents(Analytics, new AccountSnapshot([], [], [], []), null)],
        resourcePoliciesKnown: true);

    private GuardrailTestOrganization Attach(string name, OrganizationPolicyType type, string content, bool awsManaged, string[] targets)
    {
        _policies.Add(new OrganizationPolicy("p-" + name, "arn:aws:organizations::policy/" + name, name, type, awsManaged, new PolicyText(content),
            [.. targets.Select(static t => new PolicyTarget(t, t.StartsWith("r-", StringComparison.Ordinal) ? PolicyTargetType.Root
                : t.StartsWith("ou-", StringComparison.Ordinal) ? PolicyTargetType.OrganizationalUnit : PolicyTargetType.Account))]));
        return this;
    }
}
