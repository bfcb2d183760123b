using TestSupport.Cli;
using TestSupport.Paths;

namespace Governance.Cli.Tests.Access;

/// <summary>
/// <c>can-i --read/--write s3://BUCKET/KEY --org</c> on <c>policies/demo-org</c>, each answer derived by hand from the
/// demo's policy files (its README lists them). The calls a read or write makes: Amazon S3 User Guide, "Using server-side
/// encryption with AWS KMS keys (SSE-KMS)" (https://docs.aws.amazon.com/AmazonS3/latest/userguide/UsingKMSEncryption.html):
/// s3:GetObject and, under SSE-KMS, kms:Decrypt on the key; s3:PutObject and kms:GenerateDataKey to write. Every request
/// gives TLS and the region, as the buckets deny requests without TLS and the root's `region-lock` SCP those outside the EU.
/// </summary>
public sealed class CanICommandObjectAccessTests
{
    private static readonly string DemoOrg = Path.Combine(RepositoryPaths.Policies, "demo-org");
    private const string RawKey = "arn:aws:kms:eu-west-1:777788889999:key/1234abcd-12ab-34cd-56ef-1234567890ab";

    [Fact]
    public void Read_GlueEtlReadsLakeRaw_GetObjectYesDecryptNoSoNo()
    {
        // lake-raw (777788889999) is SSE-KMS with the raw key, so the read is two calls.
        // s3:GetObject: glue-etl's inline etl-lake-access (Sid ReadRaw) allows it on lake-raw/*, and the bucket policy's
        // GlueEtlReadsRaw grants glue-etl: both sides of the cross-account request allow; TLS passes DenyInsecureTransport,
        // eu-west-1 passes region-lock, DataAllowList allows s3, the RCP's aws:PrincipalOrgID matches: yes.
        // kms:Decrypt on the raw key: the key policy's ConsumersDecryptRaw grants glue-etl, but cross-account glue-etl's
        // own policies must allow it too, and etl-lake-access has no kms statement: no. So the read is a no (exit 1).
        var (code, stdout, _) = CliRunner.Run("can-i", "--read", "s3://lake-raw/events/a.json", "--as", "arn:aws:iam::111122223333:role/service-role/glue-etl",
            "--org", DemoOrg, "--context", "aws:SecureTransport=true", "--context", "aws:RequestedRegion=eu-west-1");

        Assert.Equal(1, code);
        var lines = stdout.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("no - `kms:Decrypt` is not allowed: cross-account: the policies of `arn:aws:iam::111122223333:role/service-role/glue-etl`", lines[0], StringComparison.Ordinal);
        Assert.Equal("s3:GetObject on arn:aws:s3:::lake-raw/events/a.json: yes", lines[1]);
        Assert.StartsWith($"kms:Decrypt on {RawKey}: no (cross-account: the policies of `arn:aws:iam::111122223333:role/service-role/glue-etl`", lines[2], StringComparison.Ordinal);
    }

    [Fact]
    public void Read_DataEngineerReadsItsSandbox_OneCallYes()
    {
        // lake-sandbox (111122223333, the caller's own account) is SSE-S3 (AES256): no KMS call. lake-sandbox-access
        // (Sid ReadWriteSandbox) allows s3:GetObject on lake-sandbox/*, the boundary allows s3:*, the SCPs allow s3 in
        // eu-west-1, and the bucket policy only denies non-TLS requests: yes (exit 0).
        var (code, stdout, _) = CliRunner.Run("can-i", "--read", "s3://lake-sandbox/notes.txt", "--as", "role/data-engineer",
            "--org", DemoOrg, "--context", "aws:SecureTransport=true", "--context", "aws:RequestedRegion=eu-west-1");

        Assert.Equal(0, code);
        Assert.Equal(["yes", "s3:GetObject on arn:aws:s3:::lake-sandbox/notes.txt: yes"],
            stdout.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void Write_GlueEtlWritesLakeCurated_PutObjectYesGenerateDataKeyNo()
    {
        // lake-curated is SSE-KMS with the curated key. s3:PutObject: etl-lake-access (Sid WriteCurated) and the bucket
        // policy's GlueEtlWritesCurated both allow it: yes. kms:GenerateDataKey: the key policy's GlueEtlWritesCurated grants
        // glue-etl kms:GenerateDataKey*, but glue-etl's own policies have no kms statement, and cross-account both must: no.
        var (code, stdout, _) = CliRunner.Run("can-i", "--write", "s3://lake-curated/daily/part-0.parquet", "--as", "arn:aws:iam::111122223333:role/service-role/glue-etl",
            "--org", DemoOrg, "--context", "aws:SecureTransport=true", "--context", "aws:RequestedRegion=eu-west-1");

        Assert.Equal(1, code);
        Assert.Contains("s3:PutObject on arn:aws:s3:::lake-curated/daily/part-0.parquet: yes", stdout, StringComparison.Ordinal);
        Assert.Contains("kms:GenerateDataKey on arn:aws:kms:eu-west-1:777788889999:key/0987dcba-09fe-87dc-65ba-ab0987654321: no", stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("`--read`/`--write` need `--org`", "can-i", "--read", "s3://lake-raw/a.json", "--as", "role/data-engineer")]
    [InlineData("exclude each other", "can-i", "s3:GetObject", "arn:aws:s3:::lake-raw/a.json", "--read", "s3://lake-raw/a.json", "--as", "role/data-engineer", "--org", "ORG")]
    [InlineData("is not an object's URI", "can-i", "--read", "s3://lake-raw", "--as", "role/data-engineer", "--org", "ORG")]
    [InlineData("can-i needs ACTION RESOURCE", "can-i", "--as", "role/data-engineer", "--org", "ORG")]
    public void Read_MalformedQuestion_ExitsTwoSayingWhy(string expected, params string[] args)
    {
        var (code, _, stderr) = CliRunner.Run([.. args.Select(static a => a == "ORG" ? DemoOrg : a)]);

        Assert.Equal(2, code);
        Assert.Contains(expected, stderr, StringComparison.Ordinal);
    }
}
