using CsCheck;
using PolicyEngine.Model;

namespace PolicyEngine.Tests.Model;

// Sources: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference-arns.html,
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_identifiers.html#identifiers-arns,
// https://docs.aws.amazon.com/AmazonS3/latest/userguide/s3-arn-format.html,
// https://docs.aws.amazon.com/kms/latest/developerguide/concepts.html#key-id-key-ARN
public sealed class ArnTests
{
    private const int Iterations = 20_000;

    [Theory]
    [InlineData("arn:aws:iam::123456789012:user/JohnDoe", "aws", "iam", "", "123456789012", "user/JohnDoe")]
    [InlineData("arn:aws:iam::123456789012:user/division_abc/subdivision_xyz/JaneDoe", "aws", "iam", "", "123456789012", "user/division_abc/subdivision_xyz/JaneDoe")]
    [InlineData("arn:aws:iam::123456789012:role/application_abc/component_xyz/RDSAccess", "aws", "iam", "", "123456789012", "role/application_abc/component_xyz/RDSAccess")]
    [InlineData("arn:aws:iam::123456789012:role/aws-service-role/access-analyzer.amazonaws.com/AWSServiceRoleForAccessAnalyzer", "aws", "iam", "", "123456789012", "role/aws-service-role/access-analyzer.amazonaws.com/AWSServiceRoleForAccessAnalyzer")]
    [InlineData("arn:aws:iam::123456789012:root", "aws", "iam", "", "123456789012", "root")]
    [InlineData("arn:aws:iam::aws:policy/ReadOnlyAccess", "aws", "iam", "", "aws", "policy/ReadOnlyAccess")]
    [InlineData("arn:aws:sts::123456789012:assumed-role/Accounting-Role/Mary", "aws", "sts", "", "123456789012", "assumed-role/Accounting-Role/Mary")]
    [InlineData("arn:aws:sts::123456789012:federated-user/Bob", "aws", "sts", "", "123456789012", "federated-user/Bob")]
    [InlineData("arn:aws:s3:::amzn-s3-demo-bucket", "aws", "s3", "", "", "amzn-s3-demo-bucket")]
    [InlineData("arn:aws:s3:::amzn-s3-demo-bucket/my-data/sales-export-2019-q4.json", "aws", "s3", "", "", "amzn-s3-demo-bucket/my-data/sales-export-2019-q4.json")]
    [InlineData("arn:aws:kms:us-east-2:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab", "aws", "kms", "us-east-2", "111122223333", "key/1234abcd-12ab-34cd-56ef-1234567890ab")]
    [InlineData("arn:aws:kms:us-east-2:111122223333:alias/ExampleAlias", "aws", "kms", "us-east-2", "111122223333", "alias/ExampleAlias")]
    [InlineData("arn:aws-cn:iam::123456789012:role/ops", "aws-cn", "iam", "", "123456789012", "role/ops")]
    [InlineData("arn:aws-us-gov:s3:::amzn-s3-demo-bucket", "aws-us-gov", "s3", "", "", "amzn-s3-demo-bucket")]
    [InlineData("arn:aws:logs:us-east-1:123456789012:log-group:my-log-group:*", "aws", "logs", "us-east-1", "123456789012", "log-group:my-log-group:*")]
    [InlineData("arn:aws:lambda:us-east-1:123456789012:function:my-function:1", "aws", "lambda", "us-east-1", "123456789012", "function:my-function:1")]
    [InlineData("arn:aws:sns:us-east-1:123456789012:my-topic", "aws", "sns", "us-east-1", "123456789012", "my-topic")]
    [InlineData("arn:aws:ec2:us-east-1:123456789012:instance/i-0abcd1234efgh5678", "aws", "ec2", "us-east-1", "123456789012", "instance/i-0abcd1234efgh5678")]
    [InlineData("arn:aws:s3:::lake-*/*", "aws", "s3", "", "", "lake-*/*")]
    [InlineData("arn:aws:iam::*:role/?dmin", "aws", "iam", "", "*", "role/?dmin")]
    public void TryParse_ArnFromAwsDocs_ReadsSixFields(string text, string partition, string service, string region, string account, string resource)
    {
        // Act
        var parsed = Arn.TryParse(text, out var arn);

        // Assert
        Assert.True(parsed);
        Assert.Equal((partition, service, region, account, resource), (arn.Partition, arn.Service, arn.Region, arn.Account, arn.Resource));
        Assert.Equal(text, arn.ToString());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("*")]
    [InlineData("arn")]
    [InlineData("arn:")]
    [InlineData("arn:aws")]
    [InlineData("arn:aws:s3")]
    [InlineData("arn:aws:s3::")]
    [InlineData("arn:aws:iam::123456789012")]
    [InlineData("arn:aws:rds:*")]
    [InlineData("amzn-s3-demo-bucket")]
    [InlineData("aws:s3:::amzn-s3-demo-bucket")]
    [InlineData("ARN:aws:s3:::amzn-s3-demo-bucket")]
    [InlineData(" arn:aws:s3:::amzn-s3-demo-bucket")]
    [InlineData("urn:aws:iam::123456789012:root")]
    [InlineData("execute-api:/stage/GET/path")]
    [InlineData("123456789012")]
    public void TryParse_FewerThanSixFieldsOrNoArnPrefix_ReturnsFalse(string? text)
    {
        // Act
        var parsed = Arn.TryParse(text, out var arn);

        // Assert
        Assert.False(parsed);
        Assert.Equal(default, arn);
    }

    [Fact]
    public void TryParse_EmptyFields_ReadsThemAsEmpty()
    {
        // Act
        var parsed = Arn.TryParse("arn:::::", out var arn);

        // Assert
        Assert.True(parsed);
        Assert.Equal(("", "", "", "", ""), (arn.Partition, arn.Service, arn.Region, arn.Account, arn.Resource));
        Assert.Equal("arn:::::", arn.ToString());
    }

    [Fact]
    public void Parse_NotAnArn_ThrowsFormatException()
    {
        var error = Assert.Throws<FormatException>(() => Arn.Parse("arn:aws:s3"));

        Assert.Equal("`arn:aws:s3` is not an ARN: expected arn:partition:service:region:account:resource", error.Message);
    }

    [Fact]
    public void Parse_Arn_EqualsTryParse()
    {
        Assert.True(Arn.TryParse("arn:aws:s3:::amzn-s3-demo-bucket", out var expected));

        Assert.Equal(expected, Arn.Parse("arn:aws:s3:::amzn-s3-demo-bucket"));
    }

    [Fact]
    public void Default_NotRead_HasEmptyFieldsAndText()
    {
        var arn = default(Arn);

        Assert.Equal(("", "", "", "", "", ""), (arn.Partition, arn.Service, arn.Region, arn.Account, arn.Resource, arn.ToString()));
    }

    [Fact]
    public void Equals_SameTextReadTwice_AreEqualAndDifferentTextIsNot()
    {
        var first = Arn.Parse("arn:aws:iam::123456789012:role/ops");

        Assert.Equal(first, Arn.Parse("arn:aws:iam::123456789012:role/ops"));
        Assert.Equal(first.GetHashCode(), Arn.Parse("arn:aws:iam::123456789012:role/ops").GetHashCode());
        Assert.NotEqual(first, Arn.Parse("arn:aws:iam::123456789012:role/Ops"));
    }

    [Fact]
    public void TryParse_FieldsJoinedWithColons_ReadsTheSameFieldsBack()
    {
        Gen.Select(Field, Field, Field, Field, Resource).Sample((partition, service, region, account, resource) =>
        {
            var text = $"arn:{partition}:{service}:{region}:{account}:{resource}";
            return Arn.TryParse(text, out var arn)
                && (arn.Partition, arn.Service, arn.Region, arn.Account, arn.Resource) == (partition, service, region, account, resource)
                && arn.ToString() == text;
        }, iter: Iterations);
    }

    [Fact]
    public void TryParse_ToStringOfAnArn_RoundTrips()
    {
        Text.Sample(text =>
        {
            if (!Arn.TryParse(text, out var arn))
            {
                return true;
            }
            return Arn.TryParse(arn.ToString(), out var again)
                && again == arn
                && (again.Partition, again.Service, again.Region, again.Account, again.Resource) == (arn.Partition, arn.Service, arn.Region, arn.Account, arn.Resource);
        }, iter: Iterations);
    }

    [Fact]
    public void TryParse_AnyText_AgreesWithSplitIntoSixAtColons()
    {
        // The hand splitting Arn replaced: `Split(':', 6)` with six parts, the first being `arn`.
        Text.Sample(text =>
        {
            var parts = text.Split(':', 6);
            var isArn = parts.Length == 6 && parts[0] == "arn";
            return Arn.TryParse(text, out var arn) == isArn
                && (!isArn || (arn.Partition, arn.Service, arn.Region, arn.Account, arn.Resource) == (parts[1], parts[2], parts[3], parts[4], parts[5]));
        }, iter: Iterations);
    }

    private static Gen<string> Field => Gen.String[Gen.OneOf('a', 'w', 's', '-', '1', '*', '?', '/'), 0, 5];

    private static Gen<string> Resource => Gen.String[Gen.OneOf('a', 'b', ':', '/', '*', '?', ' '), 0, 10];

    // Text near the grammar: often `arn:`, sometimes something close to it, with colons throughout.
    private static Gen<string> Text => Gen.Select(Gen.OneOf(Gen.Const("arn:"), Gen.Const("arn"), Gen.Const("ARN:"), Gen.Const("ar:"), Gen.Const("")),
        Gen.String[Gen.OneOf('a', 'r', 'n', ':', ':', '/', '*'), 0, 14], static (prefix, rest) => prefix + rest);
}
