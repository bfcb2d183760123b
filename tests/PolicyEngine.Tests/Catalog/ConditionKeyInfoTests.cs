using PolicyEngine.Catalog;

namespace PolicyEngine.Tests.Catalog;

public sealed class ConditionKeyInfoTests
{
    [Theory]
    [InlineData("aws:PrincipalTag/${TagKey}", "aws:PrincipalTag/team", true)]
    [InlineData("aws:PrincipalTag/${TagKey}", "AWS:principaltag/Team", true)]
    [InlineData("aws:PrincipalTag/${TagKey}", "aws:PrincipalTag/", false)]
    [InlineData("aws:PrincipalTag/${TagKey}", "aws:ResourceTag/team", false)]
    [InlineData("s3:ExistingObjectTag/<key>", "s3:ExistingObjectTag/classification", true)]
    [InlineData("codebuild:secondarySources/${sourceIdentifier}.location", "codebuild:secondarySources/src1.location", true)]
    [InlineData("codebuild:secondarySources/${sourceIdentifier}.location", "codebuild:secondarySources/src1.type", false)]
    [InlineData("aws:SourceIp", "AWS:SOURCEIP", true)]
    [InlineData("aws:SourceIp", "aws:SourceIpX", false)]
    public void Matches_KeyFromPolicy_FillsPlaceholdersIgnoringCase(string template, string key, bool expected)
    {
        // Arrange
        var info = new ConditionKeyInfo(template, ConditionKeyType.String, description: null);

        // Act
        bool result = info.Matches(key);

        // Assert
        Assert.Equal(expected, result);
    }

    [Theory]
    [InlineData("aws:SourceIp", false)]
    [InlineData("aws:PrincipalTag/${TagKey}", true)]
    [InlineData("s3:ExistingObjectTag/<key>", true)]
    public void IsTemplate_Key_TellsWhetherItHasPlaceholders(string key, bool expected)
    {
        // Arrange
        var info = new ConditionKeyInfo(key, ConditionKeyType.String, description: null);

        // Act
        bool result = info.IsTemplate;

        // Assert
        Assert.Equal(expected, result);
    }
}
