using System.Text.Json;
using System.Text.Json.Nodes;
using CsCheck;
using PolicyEngine.Conformance;
using PolicyEngine.Evaluation;

namespace PolicyEngine.Tests.Conformance;

/// <summary>The conformance fields <c>blockPublicAccess</c>, <c>objectOwnership</c> and <c>acl</c>, read from any JSON.</summary>
public sealed class S3SettingsReaderTests
{
    private const string Request = """{"principal":"*","action":"s3:GetObject","resource":"arn:aws:s3:::b/k"}""";

    private static readonly string[] Permissions = ["READ", "WRITE", "READ_ACP", "WRITE_ACP", "FULL_CONTROL"];
    private static readonly string[] Ownerships = ["BucketOwnerEnforced", "BucketOwnerPreferred", "ObjectWriter"];
    private static readonly string[] Grantees = ["AllUsers", "AuthenticatedUsers", "111122223333", "444455556666"];

    private static readonly Gen<JsonNode?> AnyJson = Gen.Recursive<JsonNode?>((depth, self) => depth >= 3
        ? Gen.OneOf<JsonNode?>(Gen.Const(static () => (JsonNode?)null), Gen.Bool.Select(static b => (JsonNode?)JsonValue.Create(b)),
            Gen.Int.Select(static i => (JsonNode?)JsonValue.Create(i)), Gen.String.Select(static s => (JsonNode?)JsonValue.Create(s)))
        : Gen.OneOf<JsonNode?>(
            Gen.Const(static () => (JsonNode?)null),
            Gen.Bool.Select(static b => (JsonNode?)JsonValue.Create(b)),
            Pick([.. Ownerships, .. Permissions, .. Grantees, "0", "2", "BucketOwnerEnforced,ObjectWriter"]).Select(static s => (JsonNode?)JsonValue.Create(s)),
            Gen.String.Select(static s => (JsonNode?)JsonValue.Create(s)),
            self.Array[0, 3].Select(static a => (JsonNode?)new JsonArray([.. a.Select(static n => n?.DeepClone())])),
            Gen.Select(Pick(["bucket", "object", "grantee", "permission", "blockPublicAcls", "ignorePublicAcls",
                "blockPublicPolicy", "restrictPublicBuckets", "x"]), self, static (k, v) => (Key: k, Value: v)).Array[0, 4]
                .Select(static pairs =>
                {
                    var o = new JsonObject();
                    foreach (var pair in pairs)
                    {
                        o[pair.Key] = pair.Value?.DeepClone();
                    }
                    return (JsonNode?)o;
                })));

    [Fact]
    public void Parse_AnyValueInTheS3Fields_GivesACaseOrAnErrorNeverAnException()
        => Gen.Select(AnyJson, AnyJson, AnyJson).Sample(static values =>
        {
            // Arrange
            var line = new JsonObject
            {
                ["id"] = "c",
                ["request"] = JsonNode.Parse(Request),
                ["blockPublicAccess"] = values.Item1,
                ["objectOwnership"] = values.Item2,
                ["acl"] = values.Item3,
            }.ToJsonString();

            // Act
            var read = ConformanceCaseReader.Parse(line);

            // Assert
            Assert.True(read.Case is not null || read.Error is { Length: > 0 }, "a case not read says why");
        }, iter: 5_000);

    [Fact]
    public void Parse_ValidS3Fields_ReadsBackWhatWasWritten()
    {
        var grant = Gen.Select(Pick(Grantees), Pick(Permissions), static (g, p) => (Grantee: g, Permission: p));
        Gen.Select(Gen.Bool.Array[4], Pick(Ownerships), grant.Array[0, 4], grant.Array[0, 4]).Sample(static input =>
        {
            // Arrange
            var (flags, ownership, bucket, item) = input;
            var json = "{\"id\":\"c\",\"request\":" + Request + ",\"objectOwnership\":\"" + ownership + "\"," +
                "\"blockPublicAccess\":{\"blockPublicAcls\":" + Bool(flags[0]) + ",\"ignorePublicAcls\":" + Bool(flags[1]) +
                ",\"blockPublicPolicy\":" + Bool(flags[2]) + ",\"restrictPublicBuckets\":" + Bool(flags[3]) + "}," +
                "\"acl\":{\"bucket\":" + Grants(bucket) + ",\"object\":" + Grants(item) + "}}";

            // Act
            var policies = ConformanceCaseReader.Parse(json).Case!.Policies;

            // Assert
            Assert.Equal(new BlockPublicAccessSettings(flags[0], flags[1], flags[2], flags[3]), policies.BlockPublicAccess);
            Assert.Equal(ownership, policies.ObjectOwnership.ToString());
            Assert.Equal(bucket.Select(Describe), policies.BucketAcl.Select(Describe));
            Assert.Equal(item.Select(Describe), policies.ObjectAcl.Select(Describe));
        });
    }

    [Theory]
    [InlineData("\"blockPublicAccess\":{\"restrictPublicBuckets\":\"yes\"}")]
    [InlineData("\"blockPublicAccess\":{\"restrictPublicBucket\":true}")]
    [InlineData("\"blockPublicAccess\":[true]")]
    [InlineData("\"objectOwnership\":\"bucketownerenforced\"")]
    [InlineData("\"objectOwnership\":\"2\"")]
    [InlineData("\"acl\":{\"object\":[{\"grantee\":\"Everyone\",\"permission\":\"READ\"}]}")]
    [InlineData("\"acl\":{\"object\":[{\"grantee\":\"AllUsers\",\"permission\":\"read\"}]}")]
    [InlineData("\"acl\":{\"bucket\":{\"grantee\":\"AllUsers\",\"permission\":\"READ\"}}")]
    [InlineData("\"acl\":{\"bucket\":[{\"grantee\":\"79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be\",\"permission\":\"READ\"}]}")]
    public void Parse_MalformedS3Field_IsAnErrorNamingTheField(string field)
    {
        var read = ConformanceCaseReader.Parse($$"""{"id":"c","request":{{Request}},{{field}}}""");

        Assert.Null(read.Case);
        Assert.Matches("blockPublicAccess|objectOwnership|acl", read.Error);
    }

    private static Gen<string> Pick(string[] values) => Gen.Int[0, values.Length - 1].Select(i => values[i]);

    private static string Bool(bool value) => value ? "true" : "false";

    private static string Grants((string Grantee, string Permission)[] grants)
        => JsonSerializer.Serialize(grants.Select(static g => new Dictionary<string, string> { ["grantee"] = g.Grantee, ["permission"] = g.Permission }));

    private static string Describe((string Grantee, string Permission) grant) => $"{grant.Grantee}/{grant.Permission.Replace("_", string.Empty, StringComparison.Ordinal)}";

    private static string Describe(AclGrant grant)
        => $"{grant.Account ?? grant.Grantee.ToString()}/{grant.Permission.ToString().ToUpperInvariant()}";
}
