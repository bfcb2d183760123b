using PolicyEngine.Catalog;

namespace PolicyEngine.Tests.Catalog;

public sealed partial class ActionCatalogTests
{
    private static readonly ActionCatalog Catalog = ActionCatalog.Default;

    [Fact]
    public void Default_Loaded_HoldsTheWholePinnedDataRelease()
    {
        // Arrange
        ActionCatalog catalog = ActionCatalog.Default;

        // Act
        int services = catalog.ServiceCount;
        int actions = catalog.ActionCount;

        // Assert
        Assert.Equal("0.21.202609231", catalog.DataVersion);
        Assert.Equal(new DateTimeOffset(2026, 9, 23, 4, 48, 45, 955, TimeSpan.Zero), catalog.DataUpdatedAt);
        Assert.True(services >= 400, $"the data has 455 services, got {services}");
        Assert.True(actions >= 20_000, $"the data has 21,996 actions, got {actions}");
        Assert.Equal(actions, catalog.Services.Sum(s => s.Actions.Length));
        Assert.True(catalog.GlobalConditionKeys.Length >= 50, "AWS documents about 60 global keys");
    }

    [Fact]
    public void Default_ReadFromManyThreads_ReturnsOneInstance()
    {
        // Arrange
        var seen = new System.Collections.Concurrent.ConcurrentBag<ActionCatalog>();

        // Act
        Parallel.For(0, 16, _ => seen.Add(ActionCatalog.Default));

        // Assert
        Assert.Single(seen.Distinct());
    }

    [Fact]
    public void TryGetAction_S3GetObject_IsReadOnObjects()
    {
        // Act
        bool found = Catalog.TryGetAction("s3:GetObject", out ActionInfo? action);

        // Assert
        Assert.True(found);
        Assert.Equal(AccessLevel.Read, action!.AccessLevel);
        Assert.Equal("s3", action.ServicePrefix);
        Assert.Equal("GetObject", action.Name);
        Assert.Equal("s3:GetObject", action.FullName);
        ActionResourceInfo objectType = Assert.Single(action.ResourceTypes, r => r.Name == "object");
        Assert.Equal("arn:${Partition}:s3:::${BucketName}/${ObjectName}", objectType.ResourceType.ArnFormat);
        Assert.Contains(action.ConditionKeys, k => k.Key == "s3:ExistingObjectTag/<key>");
    }

    [Theory]
    [InlineData("iam:PassRole", AccessLevel.Write)]
    [InlineData("iam:AttachRolePolicy", AccessLevel.PermissionsManagement)]
    [InlineData("iam:PutRolePolicy", AccessLevel.PermissionsManagement)]
    [InlineData("s3:PutBucketPolicy", AccessLevel.PermissionsManagement)]
    [InlineData("iam:TagRole", AccessLevel.Tagging)]
    [InlineData("s3:ListBucket", AccessLevel.List)]
    [InlineData("ec2:DescribeInstances", AccessLevel.List)]
    [InlineData("s3:PutObject", AccessLevel.Write)]
    [InlineData("kms:Decrypt", AccessLevel.Write)]
    [InlineData("sts:AssumeRole", AccessLevel.Write)]
    public void TryGetAction_DocumentedAction_HasDocumentedAccessLevel(string fullName, AccessLevel expected)
    {
        // Act
        bool found = Catalog.TryGetAction(fullName, out ActionInfo? action);

        // Assert
        Assert.True(found, $"{fullName} is in AWS's service authorization reference");
        Assert.Equal(expected, action!.AccessLevel);
    }

    [Fact]
    public void TryGetAction_OtherCase_FindsActionAsAwsSpellsIt()
    {
        // Act
        bool found = Catalog.TryGetAction("S3:getOBJECT", out ActionInfo? action);

        // Assert
        Assert.True(found);
        Assert.Equal("s3:GetObject", action!.FullName);
    }

    [Theory]
    [InlineData("s4:GetObject")]
    [InlineData("s3:GetObjekt")]
    [InlineData("s3:")]
    [InlineData(":GetObject")]
    [InlineData("GetObject")]
    [InlineData("")]
    [InlineData("s3:Get*")]
    public void TryGetAction_UnknownOrMalformed_ReturnsFalse(string fullName)
    {
        // Act
        bool found = Catalog.TryGetAction(fullName, out ActionInfo? action);

        // Assert
        Assert.False(found);
        Assert.Null(action);
    }

    [Fact]
    public void TryGetService_UpperCasePrefix_FindsService()
    {
        // Act
        bool found = Catalog.TryGetService("S3", out ServiceInfo? service);

        // Assert
        Assert.True(found);
        Assert.Equal("s3", service!.Prefix);
        Assert.Contains("S3", service.Name, StringComparison.Ordinal);
        Assert.Contains(service.ResourceTypes, r => r.Name == "bucket");
        Assert.True(service.TryGetResourceType("OBJECT", out ResourceTypeInfo? objectType));
        Assert.Equal("object", objectType!.Name);
    }

    [Fact]
    public void TryGetService_UnknownPrefix_ReturnsFalse()
    {
        // Act
        bool found = Catalog.TryGetService("s4", out ServiceInfo? service);

        // Assert
        Assert.False(found);
        Assert.Null(service);
    }

    [Fact]
    public void Services_EveryService_ActionsAreSortedIgnoringCase()
    {
        // Act
        var unsorted = Catalog.Services
            .Where(s => !s.Actions.Select(a => a.Name).SequenceEqual(s.Actions.Select(a => a.Name).Order(StringComparer.OrdinalIgnoreCase)))
            .Select(s => s.Prefix)
            .ToList();

        // Assert
        Assert.True(unsorted.Count == 0, "lookups binary-search; unsorted: " + string.Join(", ", unsorted));
    }

    [Fact]
    public void Services_EveryService_IsSortedAndUniqueByPrefix()
    {
        // Act
        var prefixes = Catalog.Services.Select(s => s.Prefix).ToList();

        // Assert
        Assert.Equal(prefixes.Order(StringComparer.OrdinalIgnoreCase), prefixes);
        Assert.Equal(prefixes.Count, prefixes.Distinct(StringComparer.OrdinalIgnoreCase).Count());
    }

    [Theory]
    [InlineData("s3")]
    [InlineData("sts")]
    [InlineData("kms")]
    [InlineData("sqs")]
    [InlineData("secretsmanager")]
    [InlineData("SecretsManager")]
    public void SupportsRcp_ServiceRcpsApplyTo_ReturnsTrue(string prefix)
    {
        // Act
        bool supported = Catalog.SupportsRcp(prefix);

        // Assert
        Assert.True(supported);
    }

    [Theory]
    [InlineData("iam")]
    [InlineData("ec2")]
    [InlineData("s4")]
    public void SupportsRcp_OtherOrUnknownService_ReturnsFalse(string prefix)
    {
        // Act
        bool supported = Catalog.SupportsRcp(prefix);

        // Assert
        Assert.False(supported);
    }
}
