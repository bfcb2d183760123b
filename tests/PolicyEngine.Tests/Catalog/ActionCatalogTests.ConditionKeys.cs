using PolicyEngine.Catalog;

namespace PolicyEngine.Tests.Catalog;

public sealed partial class ActionCatalogTests
{
    [Fact]
    public void TryGetGlobalConditionKey_PrincipalTagWithTagKey_FindsTemplateOfTypeString()
    {
        // Act
        bool found = Catalog.TryGetGlobalConditionKey("aws:PrincipalTag/team", out ConditionKeyInfo? info);

        // Assert
        Assert.True(found);
        Assert.Equal("aws:PrincipalTag/${TagKey}", info!.Key);
        Assert.Equal(ConditionKeyType.String, info.Type);
        Assert.True(info.IsTemplate);
    }

    [Theory]
    [InlineData("aws:SourceIp", ConditionKeyType.IPAddress)]
    [InlineData("aws:sourceip", ConditionKeyType.IPAddress)]
    [InlineData("aws:MultiFactorAuthPresent", ConditionKeyType.Bool)]
    [InlineData("aws:SecureTransport", ConditionKeyType.Bool)]
    [InlineData("aws:CurrentTime", ConditionKeyType.Date)]
    [InlineData("aws:MultiFactorAuthAge", ConditionKeyType.Numeric)]
    [InlineData("aws:PrincipalArn", ConditionKeyType.Arn)]
    [InlineData("aws:TagKeys", ConditionKeyType.ArrayOfString)]
    [InlineData("aws:ResourceTag/cost-center", ConditionKeyType.String)]
    public void TryGetGlobalConditionKey_DocumentedKey_HasDocumentedType(string key, ConditionKeyType expected)
    {
        // Act
        bool found = Catalog.TryGetGlobalConditionKey(key, out ConditionKeyInfo? info);

        // Assert
        Assert.True(found, $"{key} is a documented global key");
        Assert.Equal(expected, info!.Type);
    }

    [Theory]
    [InlineData("aws:PrincipalTag/")]
    [InlineData("aws:PrincipalTag")]
    [InlineData("aws:SourceIpAddress")]
    [InlineData("s3:prefix")]
    public void TryGetGlobalConditionKey_NotAGlobalKey_ReturnsFalse(string key)
    {
        // Act
        bool found = Catalog.TryGetGlobalConditionKey(key, out ConditionKeyInfo? info);

        // Assert
        Assert.False(found);
        Assert.Null(info);
    }

    [Theory]
    [InlineData("s3:prefix", "s3:prefix", ConditionKeyType.String)]
    [InlineData("S3:Prefix", "s3:prefix", ConditionKeyType.String)]
    [InlineData("s3:ExistingObjectTag/team", "s3:ExistingObjectTag/<key>", ConditionKeyType.String)]
    [InlineData("s3:max-keys", "s3:max-keys", ConditionKeyType.Numeric)]
    [InlineData("iam:PassedToService", "iam:PassedToService", ConditionKeyType.String)]
    [InlineData("saml:aud", "saml:aud", ConditionKeyType.String)]
    [InlineData("identitystore:UserId", "identitystore:UserId", ConditionKeyType.String)]
    public void TryGetServiceConditionKey_DocumentedKey_FindsKey(string key, string expectedKey, ConditionKeyType expectedType)
    {
        // Act
        bool found = Catalog.TryGetServiceConditionKey(key, out ConditionKeyInfo? info);

        // Assert
        Assert.True(found, $"{key} is a documented service key");
        Assert.Equal(expectedKey, info!.Key);
        Assert.Equal(expectedType, info.Type);
    }

    [Theory]
    [InlineData("s3:ExistingObjectTag/")]
    [InlineData("s3:prefixes")]
    [InlineData("s4:prefix")]
    [InlineData("aws:SourceIp")]
    public void TryGetServiceConditionKey_UnknownOrGlobalKey_ReturnsFalse(string key)
    {
        // Act
        bool found = Catalog.TryGetServiceConditionKey(key, out ConditionKeyInfo? info);

        // Assert
        Assert.False(found);
        Assert.Null(info);
    }
}
