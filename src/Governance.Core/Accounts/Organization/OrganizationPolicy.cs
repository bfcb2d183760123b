using System.Collections.Immutable;

namespace Governance.Core.Accounts.Organization;

/// <summary>An SCP or RCP with its document and the roots, OUs and accounts it is attached to.</summary>
/// <param name="Id">Its id, such as <c>p-FullAWSAccess</c>.</param>
/// <param name="Arn">Its ARN.</param>
/// <param name="Name">Its name.</param>
/// <param name="Type">SCP or RCP.</param>
/// <param name="AwsManaged">True for policies AWS maintains (<c>FullAWSAccess</c>, <c>RCPFullAWSAccess</c>).</param>
/// <param name="Content">The policy document.</param>
/// <param name="Targets">Where it is attached.</param>
/// <param name="IsImplied">True for the <see cref="RcpFullAwsAccess"/> the snapshot does not list but AWS attaches.</param>
public sealed record OrganizationPolicy(
    string Id,
    string Arn,
    string Name,
    OrganizationPolicyType Type,
    bool AwsManaged,
    PolicyText Content,
    ImmutableArray<PolicyTarget> Targets,
    bool IsImplied = false)
{
    /// <summary>The id AWS gives its managed <c>RCPFullAWSAccess</c>.</summary>
    public const string RcpFullAwsAccessId = "p-RCPFullAWSAccess";

    /// <summary>
    /// AWS's <c>RCPFullAWSAccess</c>, which AWS attaches to the root, every OU and every account once RCPs are
    /// enabled and which cannot be detached: it lets every request through RCP evaluation, so that only RCP denies
    /// restrict (https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_rcps_evaluation.html).
    /// </summary>
    public static OrganizationPolicy RcpFullAwsAccess { get; } = new(
        RcpFullAwsAccessId,
        "arn:aws:organizations::aws:policy/resource_control_policy/p-RCPFullAWSAccess",
        "RCPFullAWSAccess",
        OrganizationPolicyType.ResourceControlPolicy,
        AwsManaged: true,
        new PolicyText("""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"*","Resource":"*"}]}"""),
        Targets: [],
        IsImplied: true);
}
