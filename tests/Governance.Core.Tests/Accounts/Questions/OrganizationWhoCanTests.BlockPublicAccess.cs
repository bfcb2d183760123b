using Governance.Core.Accounts.Organization;
using Governance.Core.Accounts.Questions;
using PolicyEngine.Evaluation;
using TestSupport.Paths;

namespace Governance.Core.Tests.Accounts.Questions;

/// <summary>
/// Who can, with S3 Block Public Access from the snapshot (tests/data/organizations/public-bucket): every bucket has the
/// same public policy (Principal * may s3:GetObject); app-open has Block Public Access off, app-restricted turns
/// RestrictPublicBuckets on at the bucket, mgmt-public's account turns it on for all its buckets. Each account has one
/// role whose own policy allows s3:GetObject anywhere. With RestrictPublicBuckets and a public policy, "only AWS service
/// principals and authorized users within the bucket owner's account" keep access, and the setting applies as "the
/// most restrictive combination" of account and bucket (S3 User Guide, access-control-block-public-access.html).
/// </summary>
public sealed partial class OrganizationWhoCanTests
{
    private const string AppReader = "arn:aws:iam::111111111111:role/app-reader";
    private const string ManagementReader = "arn:aws:iam::123456789012:role/mgmt-reader";

    private static readonly Lazy<OrganizationAuthorizer> PublicBuckets = new(() => new OrganizationAuthorizer(
        OrganizationSnapshotReader.ReadFolder(TestData.Path("organizations", "public-bucket")).Snapshot
        ?? throw new InvalidOperationException("the public-bucket organisation does not read")));

    private static string[] WhoCanRead(string bucket)
        => [.. OrganizationWhoCan.Ask(PublicBuckets.Value, new AccessQuestion("s3:GetObject", $"arn:aws:s3:::{bucket}/report.csv", RequestContext.Empty))
            .Principals.Select(static p => p.Principal.Arn)];

    [Fact]
    public void Ask_PublicBucketWithoutBlockPublicAccess_ListsTheOtherAccountsRoleToo()
        => Assert.Equal([AppReader, ManagementReader], WhoCanRead("app-open"));

    [Fact]
    public void Ask_PublicBucketWithRestrictPublicBuckets_DropsTheCrossAccountRole()
        => Assert.Equal([AppReader], WhoCanRead("app-restricted"));

    [Fact]
    public void Ask_PublicBucketOfAnAccountWithRestrictPublicBuckets_AppliesTheAccountLevelSetting()
        => Assert.Equal([ManagementReader], WhoCanRead("mgmt-public"));

    [Fact]
    public void Authorize_CrossAccountOnRestrictedBucket_SummaryNamesBlockPublicAccess()
    {
        // Arrange
        var org = PublicBuckets.Value;
        var reader = org.Find(ManagementReader).Principal!;

        // Act
        var answer = org.Authorize(reader, new AccessQuestion("s3:GetObject", "arn:aws:s3:::app-restricted/report.csv", RequestContext.Empty));

        // Assert
        Assert.Equal(DecisionReason.RestrictedByBlockPublicAccess, answer.Result.Explanation.Reason);
        Assert.Contains("RestrictPublicBuckets", answer.Summary, StringComparison.Ordinal);
        Assert.Contains(answer.Result.DecidingStatements, static s => s.Sid == "PublicRead");
    }
}
