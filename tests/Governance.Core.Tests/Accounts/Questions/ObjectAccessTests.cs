using System.Collections.Immutable;
using Governance.Core.Accounts.Organization;
using Governance.Core.Accounts.Questions;
using PolicyEngine.Evaluation;
using static Governance.Core.Tests.Accounts.Questions.TestOrganization;

namespace Governance.Core.Tests.Accounts.Questions;

/// <summary>
/// "Can I read (write) this object?", each case derived by hand. Which calls: Amazon S3 User Guide, "Using server-side
/// encryption with AWS KMS keys (SSE-KMS)", https://docs.aws.amazon.com/AmazonS3/latest/userguide/UsingKMSEncryption.html:
/// downloading an SSE-KMS object needs <c>kms:Decrypt</c> on its key, uploading one <c>kms:GenerateDataKey</c>; SSE-S3
/// needs no KMS permission. Each call is then decided as any request (IAM evaluation logic, same account and
/// cross-account: reference_policies_evaluation-logic.html, reference_policies_evaluation-logic-cross-account.html) and
/// KMS keys as their key policy says (kms/latest/developerguide/key-policies.html).
/// </summary>
public sealed class ObjectAccessTests
{
    private const string KeyId = "1234abcd-0000-0000-0000-000000000001";
    private static readonly string KeyArn = $"arn:aws:kms:eu-west-1:{Producer}:key/{KeyId}";
    private static readonly BucketEncryption SseS3 = new("AES256", null, BucketKeyEnabled: false);
    private static readonly BucketEncryption SseKms = new("aws:kms", KeyId, BucketKeyEnabled: true);

    private static string Identity(params string[] actions) => $$"""
        {"Version":"2012-10-17","Statement":[
          {"Effect":"Allow","Action":[{{string.Join(',', actions.Where(static a => a.StartsWith("s3:", StringComparison.Ordinal)).Select(static a => $"\"{a}\""))}}],"Resource":"arn:aws:s3:::lake/*"},
          {"Effect":"Allow","Action":[{{string.Join(',', actions.Where(static a => a.StartsWith("kms:", StringComparison.Ordinal)).Select(static a => $"\"{a}\""))}}],"Resource":"{{KeyArn}}"}]}
        """;

    /// <summary>The key policy AWS creates by default: the account's root enables IAM policies (key-policy-default.html#key-policy-default-allow-root-enable-iam).</summary>
    private static readonly string RootDelegation = $$"""{"Version":"2012-10-17","Statement":[{"Sid":"EnableIam","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::{{Producer}}:root"},"Action":"kms:*","Resource":"*"}]}""";

    private static string GrantConsumerReader(string action) => $$"""
        {"Version":"2012-10-17","Statement":[{"Sid":"ConsumerReads","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::{{Consumer}}:role/reader"},"Action":"{{action}}","Resource":"arn:aws:s3:::lake/*"}]}
        """;

    [Fact]
    public void Read_SseS3Bucket_OneCallGetObjectAllowed()
    {
        // Arrange: SSE-S3 (AES256) needs no KMS permission, so the read is s3:GetObject alone; same account, the identity
        // policy allows it and the bucket has no policy: allowed.
        var org = new TestOrganization().Role(Producer, "reader", Identity("s3:GetObject")).Bucket(Producer, "lake", null, SseS3).Build();

        // Act
        var answer = Read(org, RoleArn(Producer, "reader"), "s3://lake/data.csv");

        // Assert
        var call = Assert.Single(answer.Calls);
        Assert.Equal(("s3:GetObject", "arn:aws:s3:::lake/data.csv"), (call.Question.Action, call.Question.Resource));
        Assert.Equal(Decision.Allow, answer.Decision);
        Assert.Empty(answer.Notes);
    }

    [Fact]
    public void Read_SseKmsSameAccountKeyPolicyDelegatesToRoot_TwoCallsBothAllowed()
    {
        // Arrange: SSE-KMS with the key named by id, so kms:Decrypt is asked of the key's ARN. Same account, the key policy
        // names the account root, which lets the identity policy's kms:Decrypt on the key decide: allowed. s3:GetObject as above.
        var org = new TestOrganization().Role(Producer, "reader", Identity("s3:GetObject", "kms:Decrypt"))
            .Bucket(Producer, "lake", null, SseKms).Key(Producer, KeyId, RootDelegation).Build();

        // Act
        var answer = Read(org, RoleArn(Producer, "reader"), "s3://lake/data.csv");

        // Assert
        Assert.Collection(answer.Calls,
            get => Assert.Equal(("s3:GetObject", Decision.Allow), (get.Question.Action, get.Answer.Result.Decision)),
            decrypt => Assert.Equal(("kms:Decrypt", KeyArn, Decision.Allow), (decrypt.Question.Action, decrypt.Question.Resource, decrypt.Answer.Result.Decision)));
        Assert.Equal(Decision.Allow, answer.Decision);
    }

    [Fact]
    public void Read_SseKmsCrossAccountKeyPolicyDoesNotGrantCallersAccount_GetObjectAllowedDecryptDeniedSoNo()
    {
        // Arrange: the caller is in the consumer account, bucket and key in the producer's. s3:GetObject: the bucket policy
        // grants the caller and its identity policy allows it, both sides: allowed. kms:Decrypt: the identity policy allows it
        // on the key, but cross-account the key policy must also allow, and it names only the producer's root
        // (which delegates to the producer's IAM, not the consumer's): implicit deny, so the read is a no.
        var org = new TestOrganization().Role(Consumer, "reader", Identity("s3:GetObject", "kms:Decrypt"))
            .Bucket(Producer, "lake", GrantConsumerReader("s3:GetObject"), SseKms).Key(Producer, KeyId, RootDelegation).Build();

        // Act
        var answer = Read(org, RoleArn(Consumer, "reader"), "s3://lake/data.csv");

        // Assert
        Assert.Equal(Decision.Allow, answer.Calls[0].Answer.Result.Decision);
        Assert.Equal(Decision.ImplicitDeny, answer.Calls[1].Answer.Result.Decision);
        Assert.Equal($"cross-account: the key policy of `{KeyId}` does not grant {Consumer}", answer.Calls[1].Answer.Summary);
        Assert.NotEqual(Decision.Allow, answer.Decision);
    }

    [Fact]
    public void Read_SseKmsCrossAccountKeyPolicyGrantsOrganisationViaS3_Allowed()
    {
        // Arrange: as the demo's lake-curated key: the key policy lets the organisation decrypt only through S3
        // (aws:PrincipalOrgID and kms:ViaService = s3.eu-west-1.amazonaws.com). S3 calls KMS on the caller's behalf, so the
        // request carries kms:ViaService (kms/latest/developerguide/conditions-kms.html#conditions-kms-via-service): allowed.
        Assert.Equal("o-testorg0001", OrganizationId);
        var viaS3 = """
            {"Version":"2012-10-17","Statement":[{"Sid":"OrgViaS3","Effect":"Allow","Principal":{"AWS":"*"},"Action":"kms:Decrypt","Resource":"*",
              "Condition":{"StringEquals":{"aws:PrincipalOrgID":"o-testorg0001","kms:ViaService":"s3.eu-west-1.amazonaws.com"}}}]}
            """;
        var org = new TestOrganization().Role(Consumer, "reader", Identity("s3:GetObject", "kms:Decrypt"))
            .Bucket(Producer, "lake", GrantConsumerReader("s3:GetObject"), SseKms).Key(Producer, KeyId, viaS3).Build();

        // Act
        var answer = Read(org, RoleArn(Consumer, "reader"), "s3://lake/data.csv");

        // Assert
        Assert.All(answer.Calls, static c => Assert.Equal(Decision.Allow, c.Answer.Result.Decision));
        Assert.Equal(Decision.Allow, answer.Decision);
    }

    [Fact]
    public void Write_SseKms_NeedsGenerateDataKeyNotDecrypt()
    {
        // Arrange: uploading an SSE-KMS object needs kms:GenerateDataKey. A writer allowed s3:PutObject and kms:Decrypt only
        // lacks it (implicit deny, same account with root delegation); one allowed kms:GenerateDataKey too may write.
        var org = new TestOrganization()
            .Role(Producer, "half-writer", Identity("s3:PutObject", "kms:Decrypt"))
            .Role(Producer, "writer", Identity("s3:PutObject", "kms:GenerateDataKey"))
            .Bucket(Producer, "lake", null, SseKms).Key(Producer, KeyId, RootDelegation).Build();

        // Act
        var half = Ask(org, RoleArn(Producer, "half-writer"), ObjectAccessKind.Write, "s3://lake/out/part-0.parquet");
        var full = Ask(org, RoleArn(Producer, "writer"), ObjectAccessKind.Write, "s3://lake/out/part-0.parquet");

        // Assert
        Assert.Equal(["s3:PutObject", "kms:GenerateDataKey"], half.Calls.Select(static c => c.Question.Action));
        Assert.Equal([Decision.Allow, Decision.ImplicitDeny], half.Calls.Select(static c => c.Answer.Result.Decision));
        Assert.NotEqual(Decision.Allow, half.Decision);
        Assert.Equal(Decision.Allow, full.Decision);
    }

    [Fact]
    public void Read_SseKmsWithAnAliasTheSnapshotCannotResolve_AsksTheAliasArnAndSaysSo()
    {
        // Arrange: a bucket may name its key by alias; a snapshot holds keys by id and ARN only.
        var org = new TestOrganization().Role(Producer, "reader", Identity("s3:GetObject", "kms:Decrypt"))
            .Bucket(Producer, "lake", null, new BucketEncryption("aws:kms", "alias/lake", BucketKeyEnabled: false)).Build();

        // Act
        var answer = Read(org, RoleArn(Producer, "reader"), "s3://lake/data.csv");

        // Assert
        Assert.Equal($"arn:aws:kms:eu-west-1:{Producer}:alias/lake", answer.Calls[1].Question.Resource);
        Assert.Contains(answer.Notes, static n => n.Contains("`alias/lake` of `lake` cannot be resolved", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("s3://lake/", "is not an object's URI")]
    [InlineData("lake/data.csv", "is not an object's URI")]
    [InlineData("s3:///data.csv", "is not an object's URI")]
    [InlineData("s3://lake/*.csv", "has a wildcard")]
    public void Parse_NotOneObject_SaysWhy(string uri, string expected)
    {
        Assert.Null(ObjectAccessQuestion.Parse(ObjectAccessKind.Read, uri, RequestContext.Empty, out var error));
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_KeyWithSlashes_KeepsThemInTheObjectArn()
    {
        var question = ObjectAccessQuestion.Parse(ObjectAccessKind.Read, "s3://lake/a/b/c.csv", RequestContext.Empty, out _);

        Assert.Equal("arn:aws:s3:::lake/a/b/c.csv", question?.ObjectArn);
    }

    private static ObjectAccessAnswer Read(OrganizationAuthorizer org, string principal, string uri) => Ask(org, principal, ObjectAccessKind.Read, uri);

    private static ObjectAccessAnswer Ask(OrganizationAuthorizer org, string principal, ObjectAccessKind kind, string uri)
    {
        var caller = org.Find(principal).Principal ?? throw new InvalidOperationException(principal);
        var context = RequestContext.Create([KeyValuePair.Create("aws:SecureTransport", ImmutableArray.Create("true"))]);
        var question = ObjectAccessQuestion.Parse(kind, uri, context, out var error) ?? throw new InvalidOperationException(error);
        return ObjectAccess.Answer(org, caller, question);
    }
}
