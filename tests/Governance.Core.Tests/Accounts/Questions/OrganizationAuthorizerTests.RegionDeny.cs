using Governance.Core.Accounts.Questions;
using PolicyEngine.Evaluation;
using static Governance.Core.Tests.Accounts.Questions.TestOrganization;

namespace Governance.Core.Tests.Accounts.Questions;

/// <summary>
/// An SCP region deny with its global-service exceptions, alone: the shape of AWS's example "Deny access to AWS based on
/// the requested AWS Region" (organizations/latest/userguide/orgs_manage_policies_scps_examples_general.html): Deny with a
/// NotAction list of global services and <c>StringNotEquals aws:RequestedRegion</c>. A Deny in an SCP at any level denies
/// (orgs_manage_policies_scps_evaluation.html); NotAction with Deny denies every action not listed
/// (reference_policies_elements_notaction.html), so the listed global services pass in any region.
/// </summary>
public sealed partial class OrganizationAuthorizerTests
{
    private const string RegionLock = """{"Version":"2012-10-17","Statement":[{"Sid":"DenyOutsideEu","Effect":"Deny","NotAction":["iam:*","sts:*","organizations:*","route53:*","cloudfront:*","support:*"],"Resource":"*","Condition":{"StringNotEquals":{"aws:RequestedRegion":["eu-west-1","eu-central-1"]}}}]}""";

    private static OrganizationAuthorizer RegionLocked()
        => new TestOrganization().Role(Consumer, "admin", Admin).Bucket(Consumer, "lake", null).Scp("region-lock", RegionLock, onDataOu: false).Build();

    [Fact]
    public void Authorize_RegionDenyS3OutsideAllowedRegions_ExplicitDenyNamingTheScp()
    {
        // Arrange: s3 is not in the NotAction list and us-east-1 is not an allowed region, so the Deny applies to an
        // administrator of a member account.
        var org = RegionLocked();

        // Act
        var answer = Ask(org, RoleArn(Consumer, "admin"), "s3:GetObject", LakeObject, ("aws:RequestedRegion", "us-east-1"));

        // Assert
        Assert.Equal(Decision.ExplicitDeny, answer.Result.Decision);
        Assert.StartsWith("SCP `region-lock` attached to root `Root` denies (Sid `DenyOutsideEu`, line 1)", answer.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Authorize_RegionDenyGlobalServiceOutsideAllowedRegions_Allows()
    {
        // Arrange: iam:* and sts:* are in the NotAction list, so the Deny does not cover iam:ListRoles or
        // sts:GetSessionToken even from us-east-1 (global services answer there); FullAWSAccess allows at every level.
        var org = RegionLocked();

        // Act
        var iam = Ask(org, RoleArn(Consumer, "admin"), "iam:ListRoles", "*", ("aws:RequestedRegion", "us-east-1"));
        var sts = Ask(org, RoleArn(Consumer, "admin"), "sts:GetSessionToken", "*", ("aws:RequestedRegion", "us-east-1"));

        // Assert
        Assert.Equal(Decision.Allow, iam.Result.Decision);
        Assert.Equal(Decision.Allow, sts.Result.Decision);
    }

    [Fact]
    public void Authorize_RegionDenyS3InAllowedRegion_Allows()
    {
        // Arrange: eu-west-1 is in the list, so StringNotEquals is false and the Deny does not apply.
        var org = RegionLocked();

        // Act
        var answer = Ask(org, RoleArn(Consumer, "admin"), "s3:GetObject", LakeObject, ("aws:RequestedRegion", "eu-west-1"));

        // Assert
        Assert.Equal(Decision.Allow, answer.Result.Decision);
    }

    [Fact]
    public void Authorize_RegionDenyRequestWithoutRegionKey_ExplicitDeny()
    {
        // Arrange: "If the policy condition requires that the key is not matched, such as StringNotLike or ArnNotLike,
        // and the right key is not present, the condition is true" (reference_policies_elements_condition_operators.html):
        // a request without aws:RequestedRegion is denied by the negated condition.
        var org = RegionLocked();

        // Act
        var answer = Ask(org, RoleArn(Consumer, "admin"), "s3:GetObject", LakeObject);

        // Assert
        Assert.Equal(Decision.ExplicitDeny, answer.Result.Decision);
    }
}
