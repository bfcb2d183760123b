using Governance.Core.Accounts.Organization;
using Governance.Core.Accounts.Questions;
using PolicyEngine.Evaluation;

namespace Governance.Core.Tests.Accounts.Questions;

/// <summary>
/// A bucket's settings in the engine's terms: S3 "applies the most restrictive combination of the access point, bucket,
/// and account settings" (S3 User Guide, access-control-block-public-access.html).
/// </summary>
public sealed class BucketSettingsTests
{
    private static S3Bucket Bucket(PublicAccessBlock? block, string? ownership = null) => new("b", "eu-west-1", null, block, ownership, null);

    private static AccountResources Account(PublicAccessBlock? block) => AccountResources.Empty with { PublicAccessBlock = block };

    [Fact]
    public void BlockPublicAccess_BucketAndAccountSettings_CombinesThemSettingBySetting()
    {
        // Arrange
        var bucket = Bucket(new PublicAccessBlock(true, false, false, false));
        var account = Account(new PublicAccessBlock(false, false, true, true));

        // Act
        var settings = BucketSettings.BlockPublicAccess(bucket, account);

        // Assert
        Assert.Equal(new BlockPublicAccessSettings(true, false, true, true), settings);
    }

    [Fact]
    public void BlockPublicAccess_OnlyTheAccountHasSettings_TakesTheAccounts()
        => Assert.Equal(new BlockPublicAccessSettings(false, true, false, true),
            BucketSettings.BlockPublicAccess(Bucket(null), Account(new PublicAccessBlock(false, true, false, true))));

    [Fact]
    public void BlockPublicAccess_NeitherLevelHasSettings_IsNull()
    {
        Assert.Null(BucketSettings.BlockPublicAccess(Bucket(null), Account(null)));
        Assert.Null(BucketSettings.BlockPublicAccess(Bucket(null), null));
    }

    [Theory]
    [InlineData("BucketOwnerEnforced", ObjectOwnership.BucketOwnerEnforced)]
    [InlineData("BucketOwnerPreferred", ObjectOwnership.BucketOwnerPreferred)]
    [InlineData("ObjectWriter", ObjectOwnership.ObjectWriter)]
    [InlineData(null, null)]
    public void Ownership_SnapshotSetting_IsTheEnginesValue(string? setting, ObjectOwnership? expected)
        => Assert.Equal(expected, BucketSettings.Ownership(Bucket(null, setting)));
}
