using PolicyEngine.Catalog;
using PolicyEngine.Matching;

namespace PolicyEngine.Tests.Catalog;

public sealed partial class ActionCatalogTests
{
    [Fact]
    public void Expand_S3GetStar_ReturnsS3GetActionsOnly()
    {
        // Act
        var names = Catalog.Expand("s3:Get*").Select(a => a.FullName).ToHashSet();

        // Assert
        Assert.Contains("s3:GetObject", names);
        Assert.Contains("s3:GetBucketPolicy", names);
        Assert.DoesNotContain("s3:PutObject", names);
        Assert.All(names, n => Assert.StartsWith("s3:Get", n, StringComparison.Ordinal));
    }

    [Fact]
    public void Expand_Star_ReturnsEveryAction()
    {
        // Act
        var actions = Catalog.Expand("*");

        // Assert
        Assert.True(actions.Length >= 20_000, $"got {actions.Length}");
        Assert.Equal(Catalog.ActionCount, actions.Length);
    }

    [Fact]
    public void Expand_S3StarObject_StopsAtTheEndOfTheName()
    {
        // Act
        var names = Catalog.Expand("s3:*Object").Select(a => a.Name).ToHashSet();

        // Assert
        Assert.Contains("GetObject", names);
        Assert.Contains("PutObject", names);
        Assert.Contains("DeleteObject", names);
        Assert.DoesNotContain("GetObjectAcl", names);
    }

    [Fact]
    public void Expand_QuestionMark_MatchesExactlyOneCharacter()
    {
        // Act
        var names = Catalog.Expand("s3:?etObject").Select(a => a.FullName).ToList();

        // Assert
        Assert.Equal(["s3:GetObject"], names);
    }

    [Fact]
    public void Expand_ServiceWildcard_SpansServices()
    {
        // Act
        var actions = Catalog.Expand("*:Describe*");

        // Assert
        Assert.Contains(actions, a => a.FullName == "ec2:DescribeInstances");
        Assert.Contains(actions, a => a.FullName == "rds:DescribeDBInstances");
        Assert.All(actions, a => Assert.StartsWith("Describe", a.Name, StringComparison.Ordinal));
        Assert.True(actions.Select(a => a.ServicePrefix).Distinct().Count() > 50, "most services have Describe actions");
    }

    [Fact]
    public void Expand_LowerCaseName_MatchesIgnoringCase()
    {
        // Act
        var names = Catalog.Expand("S3:getobject").Select(a => a.FullName).ToList();

        // Assert
        Assert.Equal(["s3:GetObject"], names);
    }

    [Fact]
    public void Expand_ServiceStar_ReturnsEveryActionOfTheService()
    {
        // Arrange
        Catalog.TryGetService("iam", out ServiceInfo? iam);

        // Act
        var actions = Catalog.Expand("iam:*");

        // Assert
        Assert.Equal(iam!.Actions, actions);
    }

    [Fact]
    public void Expand_GlobWithoutColon_MatchesAcrossTheColon()
    {
        // Act
        var actions = Catalog.Expand("s3*");

        // Assert
        Assert.Contains(actions, a => a.FullName == "s3:GetObject");
        Assert.Contains(actions, a => a.ServicePrefix == "s3-outposts");
        Assert.All(actions, a => Assert.True(Wildcard.IsMatch("s3*", a.FullName, ignoreCase: true)));
    }

    [Theory]
    [InlineData("s4:*")]
    [InlineData("s3:NoSuchAction*")]
    [InlineData("s3:Get*:x")]
    [InlineData("")]
    [InlineData("s3")]
    public void Expand_NothingMatches_ReturnsEmpty(string pattern)
    {
        // Act
        var actions = Catalog.Expand(pattern);

        // Assert
        Assert.Empty(actions);
    }
}
