using PolicyEngine.Evaluation;
using static Governance.Core.Tests.Accounts.Questions.TestOrganization;

namespace Governance.Core.Tests.Accounts.Questions;

/// <summary>
/// A caller asked as a role session. IAM User Guide, reference_policies_evaluation-logic_policy-eval-denyallow.html:
/// "IAM role session – Within the same account, resource-based policies that grant permissions to an IAM role session
/// ARN grant permissions directly to the assumed role session. Permissions granted directly to a session are not limited
/// by an implicit deny in an identity-based policy, a permissions boundary, or session policy."
/// </summary>
public sealed partial class OrganizationAuthorizerTests
{
    private static string SessionArn(string account, string role, string session) => $"arn:aws:sts::{account}:assumed-role/{role}/{session}";

    [Fact]
    public void Authorize_BucketPolicyNamesTheSessionBoundaryExcludesAction_SessionAllowedRoleNot()
    {
        // Arrange: the boundary allows s3:ListBucket only and the role has no identity policy; the bucket policy names one
        // session of it. That session is granted directly; the role asked as itself is not named at all.
        var session = SessionArn(Producer, "bounded", "alice");
        var org = new TestOrganization().Role(Producer, "bounded", null, boundary: ListOnly).Bucket(Producer, "lake", GrantTo(session)).Build();

        // Act
        var asSession = AskCaller(org, session, "s3:GetObject", LakeObject);
        var asRole = AskCaller(org, RoleArn(Producer, "bounded"), "s3:GetObject", LakeObject);

        // Assert
        Assert.Equal(Decision.Allow, asSession.Result.Decision);
        Assert.Equal(DecisionReason.AllowedByResourcePolicy, asSession.Result.Explanation.Reason);
        Assert.True(asSession.CallerPoliciesKnown);
        Assert.NotEqual(Decision.Allow, asRole.Result.Decision);
    }

    [Fact]
    public void FindCaller_SessionOfARoleWithAPath_FindsTheRoleAskedAsItself()
    {
        // Arrange: a session ARN leaves out the role's path (role/service-role/glue-etl is assumed-role/glue-etl/…), so the
        // role is asked as itself and lake-raw's GlueEtlReadsRaw, naming the role with its path, still matches.
        var org = DemoOrganization.Org;

        // Act
        var lookup = org.FindCaller("arn:aws:sts::111122223333:assumed-role/glue-etl/job-1");

        // Assert
        Assert.True(lookup.Success, lookup.Error?.ToString());
        Assert.Equal("arn:aws:iam::111122223333:role/service-role/glue-etl", lookup.Principal!.Arn);
    }
}
