using System.Net;
using System.Text.Json;

namespace Governance.Api.Tests.Endpoints;

/// <summary>
/// <c>GET /v1/can-i</c> against the embedded demo organisation (policies/demo-org, described in its README): each
/// expected answer follows from the policies that README lists and AWS's evaluation rules, cited beside it.
/// </summary>
public abstract partial class GovernanceApiTests<TFixture>
{
    private const string Tls = "&context=aws:SecureTransport=true&context=aws:RequestedRegion=eu-west-1";

    [SkippableFact]
    public async Task CanI_ObjectOverPlainHttp_DeniedByTheBucketPolicy()
    {
        // lake-raw's bucket policy denies every request without TLS (Sid DenyInsecureTransport): an explicit deny in a
        // resource-based policy denies whatever the identity side allows.
        var alice = Factory.ClientFor(NewUser("alice"), "engineer");

        var result = await GetAsync(alice,
            "/v1/can-i?principal=data-engineer&action=s3:GetObject&resource=arn:aws:s3:::lake-raw/events/a.json&context=aws:SecureTransport=false&context=aws:RequestedRegion=eu-west-1");

        Assert.Equal(HttpStatusCode.OK, result.Status);
        Assert.Equal("ExplicitDeny", result.Body.GetProperty("decision").GetString());
        var deciding = result.Body.GetProperty("decidingStatements")[0];
        Assert.Equal("Resource", deciding.GetProperty("policyType").GetString());
        Assert.Equal("DenyInsecureTransport", deciding.GetProperty("sid").GetString());
        Assert.Contains("bucket policy of `lake-raw`", result.Body.GetProperty("summary").GetString(), StringComparison.Ordinal);
        Assert.Equal("known", result.Body.GetProperty("callerPolicies").GetString());
    }

    [SkippableFact]
    public async Task CanI_OutsidePrincipalTheCopyDoesNotHold_DeniedByTheRcpWithItsOwnSideAssumed()
    {
        // The root RCP DenyOutsidePrincipals denies S3 to any principal whose aws:PrincipalOrgID is not the organisation's
        // (StringNotEqualsIfExists: a principal outside has none, so the deny applies). The vendor's own policies are not
        // in the copy: they are assumed to allow, and the answer says so.
        var alice = Factory.ClientFor(NewUser("alice"), "engineer");

        var result = await GetAsync(alice, $"/v1/can-i?principal=arn:aws:iam::999988887777:role/vendor&action=s3:GetObject&resource=arn:aws:s3:::lake-raw/events/a.json{Tls}");

        Assert.Equal(HttpStatusCode.OK, result.Status);
        Assert.Equal("ExplicitDeny", result.Body.GetProperty("decision").GetString());
        Assert.Equal("ResourceControl", result.Body.GetProperty("decidingStatements")[0].GetProperty("policyType").GetString());
        Assert.Equal("assumed", result.Body.GetProperty("callerPolicies").GetString());
    }

    [SkippableFact]
    public async Task CanI_OutsideTheAllowedRegions_DeniedByTheRootScp()
    {
        // region-lock, attached to the root, denies everything but global services outside eu-west-1 and eu-central-1.
        var alice = Factory.ClientFor(NewUser("alice"), "engineer");

        var result = await GetAsync(alice,
            "/v1/can-i?principal=data-engineer&action=s3:GetObject&resource=arn:aws:s3:::lake-raw/events/a.json&context=aws:SecureTransport=true&context=aws:RequestedRegion=us-east-1");
        var global = await GetAsync(alice, "/v1/can-i?principal=data-engineer&action=iam:ListRoles&resource=*&context=aws:RequestedRegion=us-east-1");

        Assert.Equal("ExplicitDeny", result.Body.GetProperty("decision").GetString());
        var deciding = result.Body.GetProperty("decidingStatements")[0];
        Assert.Equal("ServiceControl", deciding.GetProperty("policyType").GetString());
        Assert.Equal("DataStaysInTheEu", deciding.GetProperty("sid").GetString());
        // iam:* is among the exceptions, so the SCP does not deny it; the answer then rests on the role's own policies.
        Assert.DoesNotContain(global.Body.GetProperty("decidingStatements").EnumerateArray(),
            static s => s.GetProperty("policyType").GetString() == "ServiceControl");
    }

    [SkippableFact]
    public async Task CanI_CrossAccountBucket_NeedsTheCallersOwnPolicyToo_AndAGrantSuppliesIt()
    {
        // lake-raw is in the producer account and its bucket policy grants s3:GetObject to the consumer's data-engineer;
        // across accounts the caller's identity policies must allow as well (IAM evaluation logic, cross-account), and
        // data-engineer has no statement on lake-raw until a lake-read grant adds one. The read of an object also needs
        // kms:Decrypt on the bucket's key: its key policy grants it to data-engineer, but lake-read has no KMS action,
        // so across accounts the read still fails (KMS: cross-account use needs the key policy and the caller's IAM).
        var alice = Factory.ClientFor(NewUser("alice"), "engineer");
        var bob = Factory.ClientFor(NewUser("bob"), "approver");
        var question = $"/v1/can-i?principal=data-engineer&action=s3:GetObject&resource=arn:aws:s3:::lake-raw/events/a.json{Tls}";

        var before = await GetAsync(alice, question);
        var submitted = await SubmitAsync(alice, RequestFor("lake-read", "arn:aws:s3:::lake-raw"));
        var grantId = submitted.TryGetProperty("grantId", out var auto) && auto.ValueKind == JsonValueKind.String
            ? auto.GetString()
            : (await ApproveAsync(bob, submitted.GetProperty("id").GetString())).Body.GetProperty("grantId").GetString();
        var after = await GetAsync(alice, question);
        var read = await GetAsync(alice, $"/v1/can-i?principal=data-engineer&read=s3://lake-raw/events/a.json{Tls}");
        await PostAsync(bob, $"/v1/grants/{grantId}/revoke");

        Assert.Equal("ImplicitDeny", before.Body.GetProperty("decision").GetString());
        Assert.Equal("Allow", after.Body.GetProperty("decision").GetString());
        Assert.Equal(HttpStatusCode.OK, read.Status);
        Assert.False(read.Body.GetProperty("allowed").GetBoolean());
        Assert.Equal("read", read.Body.GetProperty("question").GetString());
        var calls = read.Body.GetProperty("calls").EnumerateArray().ToDictionary(static c => c.GetProperty("action").GetString()!, static c => c.GetProperty("decision").GetString());
        Assert.Equal("Allow", calls["s3:GetObject"]);
        Assert.Equal("ImplicitDeny", calls["kms:Decrypt"]);
    }

    [SkippableTheory]
    [InlineData("read=s3://lake-raw/a&write=s3://lake-raw/a", "read")]
    [InlineData("read=s3://lake-raw/a&action=s3:GetObject", "read")]
    [InlineData("write=lake-raw/a", "write")]
    [InlineData("read=s3://lake-raw/", "read")]
    public async Task CanI_MalformedObjectQuestion_IsAProblemNamingTheParameter(string query, string parameter)
    {
        var alice = Factory.ClientFor(NewUser("alice"), "engineer");

        var result = await GetAsync(alice, $"/v1/can-i?principal=data-engineer&{query}");

        AssertProblem(result, HttpStatusCode.BadRequest);
        Assert.True(result.Body.GetProperty("errors").TryGetProperty(parameter, out _), result.Body.ToString());
    }

    [SkippableFact]
    public async Task Organization_SaysWhatTheAnswersComeFromAndWhereThePictureIsPartial()
    {
        // The demo organisation (policies/demo-org/README.md): three member accounts, and the contractor 444455556666 outside
        // it with its IAM only (no resources.json), so its resource policies are unknown, and the read warns of it.
        var alice = Factory.ClientFor(NewUser("alice"), "engineer");

        var result = await GetAsync(alice, "/v1/organization");

        Assert.Equal(HttpStatusCode.OK, result.Status);
        Assert.True(result.Body.GetProperty("version").GetInt64() >= 1);
        Assert.Equal("o-a1b2c3d4e5", result.Body.GetProperty("organizationId").GetString());
        Assert.Equal("123456789012", result.Body.GetProperty("managementAccountId").GetString());
        Assert.True(result.Body.GetProperty("resourcePoliciesKnown").GetBoolean());
        var accounts = result.Body.GetProperty("accounts").EnumerateArray().ToDictionary(static a => a.GetProperty("id").GetString()!);
        Assert.Equal(["111122223333", "123456789012", "444455556666", "777788889999"], accounts.Keys.Order(StringComparer.Ordinal));
        var contractor = accounts["444455556666"];
        Assert.False(contractor.GetProperty("member").GetBoolean());
        Assert.True(contractor.GetProperty("iam").GetBoolean());
        Assert.False(contractor.GetProperty("resources").GetBoolean());
        Assert.True(accounts["777788889999"].GetProperty("resources").GetBoolean());
        Assert.Contains(result.Body.GetProperty("warnings").EnumerateArray(),
            static w => w.GetString()!.Contains("444455556666", StringComparison.Ordinal) && w.GetString()!.Contains("resources.json", StringComparison.Ordinal));
    }
}
