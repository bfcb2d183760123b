using PolicyEngine.Evaluation;
using static Governance.Core.Tests.Accounts.Questions.TestOrganization;

namespace Governance.Core.Tests.Accounts.Questions;

/// <summary>
/// A permissions boundary and a bucket policy of the same account naming the principal. IAM User Guide,
/// reference_policies_evaluation-logic_policy-eval-denyallow.html (and access_policies_boundaries.html): "IAM role –
/// Resource-based policies that grant permissions to an IAM role ARN are limited by an implicit deny in a permissions
/// boundary or session policy"; "IAM user – Within the same account, resource-based policies that grant permissions to an
/// IAM user ARN ... are not limited by an implicit deny in an identity-based policy or permissions boundary". A grant to
/// the role session ARN would be direct too, but a snapshot's principal is the role, so that case is the engine's
/// (tests/PolicyEngine.Tests).
/// </summary>
public sealed partial class OrganizationAuthorizerTests
{
    private const string ListOnly = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:ListBucket","Resource":"*"}]}""";
    private const string S3Boundary = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*"}]}""";

    private static string GrantTo(string principal) => $$"""
        {"Version":"2012-10-17","Statement":[{"Sid":"Named","Effect":"Allow","Principal":{"AWS":"{{principal}}"},"Action":"s3:GetObject","Resource":"arn:aws:s3:::lake/*"}]}
        """;

    [Fact]
    public void Authorize_BucketPolicyNamesRoleArnBoundaryExcludesAction_ImplicitDenyNamingTheBoundary()
    {
        // Arrange: the role has no identity policy; its boundary allows s3:ListBucket only; the bucket policy names its ARN.
        var org = new TestOrganization().Role(Producer, "bounded", null, boundary: ListOnly).Bucket(Producer, "lake", GrantTo(RoleArn(Producer, "bounded"))).Build();

        // Act
        var answer = Ask(org, RoleArn(Producer, "bounded"), "s3:GetObject", LakeObject);

        // Assert
        Assert.Equal(Decision.ImplicitDeny, answer.Result.Decision);
        Assert.Equal(DecisionReason.PermissionsBoundaryDoesNotAllow, answer.Result.Explanation.Reason);
        Assert.Equal($"the permissions boundary `boundary-bounded` of `{RoleArn(Producer, "bounded")}` does not allow `s3:GetObject`", answer.Summary);
    }

    [Fact]
    public void Authorize_BucketPolicyNamesRoleArnBoundaryAllowsAction_Allows()
    {
        // Arrange: within the boundary, the bucket policy's grant to the role ARN is enough without an identity policy.
        var org = new TestOrganization().Role(Producer, "bounded", null, boundary: S3Boundary).Bucket(Producer, "lake", GrantTo(RoleArn(Producer, "bounded"))).Build();

        // Act
        var answer = Ask(org, RoleArn(Producer, "bounded"), "s3:GetObject", LakeObject);

        // Assert
        Assert.Equal(Decision.Allow, answer.Result.Decision);
    }

    [Fact]
    public void Authorize_BucketPolicyNamesUserArnBoundaryExcludesAction_AllowsByTheBucketPolicy()
    {
        // Arrange: the same boundary on a user: a grant naming the user's ARN is not limited by it.
        var org = new TestOrganization().User(Producer, "bounded", null, boundary: ListOnly).Bucket(Producer, "lake", GrantTo(UserArn(Producer, "bounded"))).Build();

        // Act
        var answer = Ask(org, UserArn(Producer, "bounded"), "s3:GetObject", LakeObject);

        // Assert
        Assert.Equal(Decision.Allow, answer.Result.Decision);
        Assert.Equal(DecisionReason.AllowedByResourcePolicy, answer.Result.Explanation.Reason);
    }
}
