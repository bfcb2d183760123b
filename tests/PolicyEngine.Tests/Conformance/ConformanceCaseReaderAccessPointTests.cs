using System.Text;
using CsCheck;
using PolicyEngine.Conformance;
using PolicyEngine.Evaluation;
using TestSupport.Hostile;

namespace PolicyEngine.Tests.Conformance;

/// <summary>The <c>accessPoint</c> field of a conformance case (tests/data/conformance-project/FORMAT.md).</summary>
public sealed class ConformanceCaseReaderAccessPointTests
{
    private const string Request = """
        "request":{"principal":"arn:aws:iam::123456789012:user/Jane","action":"s3:GetObject","resource":"arn:aws:s3:us-west-2:123456789012:accesspoint/ap/object/k"}
        """;

    private const string ValidCase = """
        {"id":"ap1","accessPoint":{"bucket":"b1","bucketAccount":"111122223333","networkOrigin":"VPC","policy":{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"arn:aws:s3:us-west-2:123456789012:accesspoint/ap/object/*"}]}},"resourcePolicy":{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"*","Resource":"arn:aws:s3:::b1/*","Condition":{"StringEquals":{"s3:DataAccessPointAccount":"123456789012"}}}]},"request":{"principal":"arn:aws:iam::123456789012:user/Jane","action":"s3:GetObject","resource":"arn:aws:s3:us-west-2:123456789012:accesspoint/ap/object/k"},"expected":"Allow"}
        """;

    [Fact]
    public void Parse_AccessPoint_ReadsEveryField()
    {
        // Act
        var read = ConformanceCaseReader.Parse(ValidCase);

        // Assert
        var accessPoint = read.Case!.Policies.AccessPoint!;
        Assert.Equal(("b1", "111122223333", "VPC"), (accessPoint.BucketName, accessPoint.BucketAccount, accessPoint.NetworkOrigin));
        Assert.Equal("access-point-policy", accessPoint.Policy!.Name);
    }

    [Fact]
    public void Parse_AccessPointWithoutNetworkOrigin_IsInternet()
    {
        var read = ConformanceCaseReader.Parse($$"""{"id":"ap2","accessPoint":{"bucket":"b1"},{{Request}}}""");

        Assert.Equal(AccessPoint.InternetOrigin, read.Case!.Policies.AccessPoint!.NetworkOrigin);
        Assert.Null(read.Case.Policies.AccessPoint.Policy);
    }

    [Theory]
    [InlineData("\"b1\"", "`accessPoint` must be an object")]
    [InlineData("{}", "needs a non-empty string `bucket`")]
    [InlineData("{\"bucket\":\"\"}", "needs a non-empty string `bucket`")]
    [InlineData("{\"bucket\":7}", "needs a non-empty string `bucket`")]
    [InlineData("{\"bucket\":\"b\",\"networkOrigin\":\"vpc\"}", "`Internet` or `VPC`")]
    [InlineData("{\"bucket\":\"b\",\"networkOrigin\":null}", "`Internet` or `VPC`")]
    [InlineData("{\"bucket\":\"b\",\"bucketAccount\":123}", "`accessPoint.bucketAccount` must be a string")]
    [InlineData("{\"bucket\":\"b\",\"policy\":\"{}\"}", "`accessPoint.policy` must be a policy document object")]
    public void Parse_MalformedAccessPoint_ReturnsErrorWithId(string accessPoint, string message)
    {
        var read = ConformanceCaseReader.Parse($$"""{"id":"bad","accessPoint":{{accessPoint}},{{Request}}}""");

        Assert.Null(read.Case);
        Assert.Contains(message, read.Error, StringComparison.Ordinal);
        Assert.Equal("bad", read.Id);
    }

    [Fact]
    public void Parse_HostileBytesAroundAccessPointCase_ReturnsACaseOrAnError()
    {
        var valid = Encoding.UTF8.GetBytes(ValidCase);
        Assert.NotNull(ConformanceCaseReader.Parse(ValidCase).Case);

        HostileJson.Around(valid).Sample(static bytes =>
        {
            var read = ConformanceCaseReader.Parse(Encoding.UTF8.GetString(bytes));

            Assert.True(read.Case is not null || read.Error is { Length: > 0 }, "a case not read says why");
            if (read.Case is { } c)
            {
                // What the reader accepts, the engine decides without throwing, on both paths.
                var compiled = PolicyCompiler.Compile(c.Policies);
                Assert.Equal(compiled.Decide(c.Request), compiled.Evaluate(c.Request).Decision);
            }
        }, iter: 4_000);
    }

    [Fact]
    public void Parse_AnyJsonValueAsAccessPointField_ReturnsACaseOrAnError()
    {
        var scalar = Gen.OneOf(
            Gen.Const("null"), Gen.Const("true"), Gen.Const("[]"), Gen.Const("{}"), Gen.Const("\"VPC\""), Gen.Const("\"Internet\""),
            Gen.Const("\"\""), Gen.Int.Select(static i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            Gen.String[Gen.Char.AlphaNumeric, 0, 12].Select(static s => $"\"{s}\""));
        var field = Gen.OneOf(Gen.Const("bucket"), Gen.Const("bucketAccount"), Gen.Const("policy"), Gen.Const("networkOrigin"), Gen.Const("other"));
        var members = Gen.Select(field, scalar).Array[0, 5];

        members.Sample(static pairs =>
        {
            var body = string.Join(",", pairs.Select(static p => $"\"{p.Item1}\":{p.Item2}"));
            var read = ConformanceCaseReader.Parse($$"""{"id":"g","accessPoint":{{{body}}},{{Request}}}""");

            Assert.True(read.Case is not null || read.Error is { Length: > 0 }, body);
            if (read.Case is { } c)
            {
                Assert.False(string.IsNullOrEmpty(c.Policies.AccessPoint!.BucketName), body);
                Assert.Contains(c.Policies.AccessPoint.NetworkOrigin, new[] { AccessPoint.InternetOrigin, AccessPoint.VpcOrigin });
                var compiled = PolicyCompiler.Compile(c.Policies);
                Assert.Equal(compiled.Decide(c.Request), compiled.Evaluate(c.Request).Decision);
            }
        }, iter: 2_000);
    }
}
