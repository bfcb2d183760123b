using PolicyEngine.Evaluation;
using PolicyEngine.Explain;
using static PolicyEngine.Tests.Evaluation.TestPolicies;

namespace PolicyEngine.Tests.Evaluation;

/// <summary>
/// The organization's management account: SCPs do not affect its users and roles, RCPs do not affect its resources
/// (https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_scps.html,
/// https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_rcps.html).
/// </summary>
public sealed partial class CompiledPolicySetTests
{
    [Fact]
    public void Evaluate_CallerInManagementAccount_ExplainsEveryScpStatementAsExempt()
    {
        // Arrange
        var set = new PolicySet
        {
            IdentityPolicies = [Policy("p", Allow("s3:*"))],
            ServiceControlPolicies = Levels([Policy("full", Allow("*")), Policy("deny-s3", Deny("s3:*"))]),
            ManagementAccount = Account,
        };

        // Act
        var result = PolicyCompiler.Compile(set).Evaluate(Request(Role, "s3:GetObject"));

        // Assert
        Assert.Equal(Decision.Allow, result.Decision);
        var scp = result.Explanation.Statements.Where(static o => o.Statement.PolicyType == PolicyType.ServiceControl).ToArray();
        Assert.Equal(2, scp.Length);
        Assert.All(scp, static o => Assert.Equal(StatementStatus.ManagementAccountExempt, o.Status));
        Assert.Contains("SCPs do not affect the organization's management account", ExplanationFormatter.Format(result), StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_ManagementAccountIsAnotherAccount_ScpStillDenies()
    {
        // Arrange
        var set = new PolicySet
        {
            IdentityPolicies = [Policy("p", Allow("s3:*"))],
            ServiceControlPolicies = Levels([Policy("full", Allow("*")), Policy("deny-s3", Deny("s3:*"))]),
            ManagementAccount = OtherAccount,
        };

        // Act
        var decision = Decide(set, Request(Role, "s3:GetObject"));

        // Assert
        Assert.Equal(Decision.ExplicitDeny, decision);
    }

    [Fact]
    public void Evaluate_ResourceInManagementAccount_ExplainsRcpAsExemptAndAllows()
    {
        // Arrange: a caller of another account, named by the bucket policy; the RCP would deny everyone.
        var caller = $"arn:aws:iam::{OtherAccount}:user/auditor";
        var set = new PolicySet
        {
            IdentityPolicies = [Policy("p", Allow("s3:GetObject"))],
            ResourcePolicy = Policy("bucket", AllowPrincipal(caller, "s3:GetObject")),
            ResourceControlPolicies = Levels([Policy("deny", """{"Effect":"Deny","Principal":"*","Action":"s3:*","Resource":"*"}""")]),
            ManagementAccount = Account,
        };

        // Act
        var result = PolicyCompiler.Compile(set).Evaluate(Request(caller, "s3:GetObject", resourceAccount: Account));

        // Assert
        Assert.Equal(Decision.Allow, result.Decision);
        var rcp = Assert.Single(result.Explanation.Statements, static o => o.Statement.PolicyType == PolicyType.ResourceControl);
        Assert.Equal(StatementStatus.ManagementAccountExempt, rcp.Status);
        Assert.Contains("RCPs do not affect the organization's management account", ExplanationFormatter.Describe(rcp), StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_CallerInManagementAccountResourceInMember_RcpStillDenies()
    {
        // Arrange: RCPs restrict the member account's resource whoever calls.
        var resourceAccount = OtherAccount;
        var set = new PolicySet
        {
            IdentityPolicies = [Policy("p", Allow("s3:GetObject"))],
            ResourcePolicy = Policy("bucket", AllowPrincipal(Alice, "s3:GetObject")),
            ResourceControlPolicies = Levels([Policy("deny", """{"Effect":"Deny","Principal":"*","Action":"s3:*","Resource":"*"}""")]),
            ManagementAccount = Account,
        };

        // Act
        var decision = Decide(set, Request(Alice, "s3:GetObject", resourceAccount: resourceAccount));

        // Assert
        Assert.Equal(Decision.ExplicitDeny, decision);
    }
}
