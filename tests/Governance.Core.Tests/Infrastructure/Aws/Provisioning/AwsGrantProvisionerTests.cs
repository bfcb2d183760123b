using AwsReplay;
using AwsReplay.Iam;
using Governance.Core.Infrastructure.Aws.Provisioning;
using Governance.Core.Workflow.Grants;

namespace Governance.Core.Tests.Infrastructure.Aws.Provisioning;

public sealed class AwsGrantProvisionerTests : IAsyncLifetime
{
    private const string Role = "data-engineer";
    private const string Existing = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:ListAllMyBuckets","Resource":"*"}]}""";
    private static readonly DateTimeOffset Start = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);

    private IamReplay _iam = null!;
    private FakeIamRoles _roles = null!;
    private AwsGrantProvisioner _provisioner = null!;

    public async Task InitializeAsync()
    {
        _iam = await IamReplay.StartAsync();
        _roles = new FakeIamRoles(_iam.Server);
        _roles.AddRole(Role, new Dictionary<string, string> { ["baseline"] = Existing });
        _provisioner = new AwsGrantProvisioner(_iam.Client);
    }

    public async Task DisposeAsync() => await _iam.DisposeAsync();

    private static Grant NewGrant(string role = Role, string resource = "arn:aws:s3:::lake-x/*")
    {
        var window = GrantWindow.StartingAt(Start, TimeSpan.FromHours(8));
        var policy = GrantPolicy.WithExpiry($$"""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["s3:PutObject"],"Resource":["{{resource}}"]}]}""", window);
        return new Grant(Guid.CreateVersion7(Start), Guid.CreateVersion7(Start), "alice", "lake-write", role, $"arn:aws:iam::123456789012:role/{role}", policy, window);
    }

    [Fact]
    public async Task Provision_NewGrant_PutsInlinePolicyEndingAtExpiry()
    {
        var grant = NewGrant();

        var result = await _provisioner.ProvisionAsync(grant, CancellationToken.None);

        Assert.True(result.Success, result.Error);
        var policies = _roles.PoliciesOf(Role);
        Assert.Equal(["baseline", $"grant-{grant.Id:D}"], policies.Keys);
        Assert.Contains("\"DateLessThan\":{\"aws:CurrentTime\":\"2026-03-01T17:00:00Z\"}", policies[grant.PolicyName], StringComparison.Ordinal);
        Assert.Equal(["ListRolePolicies", "GetRolePolicy", "PutRolePolicy"], _iam.Server.Requests.Select(r => r.Action));
        Assert.Equal(_roles.IssuedRequestIds, result.AwsRequestIds);
        _iam.AssertEveryRequestSigned();
    }

    [Fact]
    public async Task Provision_Twice_SameEndState()
    {
        var grant = NewGrant();
        await _provisioner.ProvisionAsync(grant, CancellationToken.None);
        var once = _roles.PoliciesOf(Role);

        var again = await _provisioner.ProvisionAsync(grant, CancellationToken.None);

        Assert.True(again.Success, again.Error);
        Assert.Equal(once, _roles.PoliciesOf(Role));
        // The second run does not count the grant's own policy against the quota: it reads only the baseline.
        Assert.Equal(2, _iam.Server.RequestsFor("GetRolePolicy").Count);
    }

    [Fact]
    public async Task Revoke_Twice_SameEndState()
    {
        var grant = NewGrant();
        await _provisioner.ProvisionAsync(grant, CancellationToken.None);
        var first = await _provisioner.RevokeAsync(grant, CancellationToken.None);
        var afterFirst = _roles.PoliciesOf(Role);

        var second = await _provisioner.RevokeAsync(grant, CancellationToken.None);

        Assert.True(first.Success, first.Error);
        Assert.True(second.Success, second.Error);
        Assert.Equal(["baseline"], afterFirst.Keys);
        Assert.Equal(afterFirst, _roles.PoliciesOf(Role));
        Assert.Single(second.AwsRequestIds);
        _iam.AssertEveryRequestSigned();
    }

    [Fact]
    public async Task Revoke_PolicyAlreadyDeletedBySomeoneElse_SucceedsWithSameEndState()
    {
        var grant = NewGrant();
        await _provisioner.ProvisionAsync(grant, CancellationToken.None);
        _roles.DeleteOutOfBand(Role, grant.PolicyName);

        var result = await _provisioner.RevokeAsync(grant, CancellationToken.None);

        Assert.True(result.Success, result.Error);
        Assert.Equal(["baseline"], _roles.PoliciesOf(Role).Keys);
        Assert.Equal(_roles.IssuedRequestIds[^1], Assert.Single(result.AwsRequestIds));
    }

    [Fact]
    public async Task Provision_RoleInlinePoliciesFull_RefusedWithNumbersAndNothingWritten()
    {
        var grant = NewGrant();
        var big = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::"
            + new string('b', 10_000) + "\"}]}";
        _roles.AddRole(Role, new Dictionary<string, string> { ["big"] = big });

        var result = await _provisioner.ProvisionAsync(grant, CancellationToken.None);

        Assert.False(result.Success);
        Assert.Equal($"role `{Role}` cannot hold `{grant.PolicyName}`: its inline policies use {big.Length} of IAM's 10240 "
            + $"non-whitespace characters and the grant needs {grant.PolicyDocument.Length}; end a grant on the role or request fewer resources", result.Error);
        Assert.Empty(_iam.Server.RequestsFor("PutRolePolicy"));
        Assert.Equal(["big"], _roles.PoliciesOf(Role).Keys);
    }

    [Fact]
    public async Task Provision_WhitespaceInExistingPolicies_NotCounted()
    {
        var grant = NewGrant();
        // 10,240 - grant size - some margin in characters that count, padded with far more white space than would fit.
        var room = 10_240 - grant.PolicyDocument.Length - 100;
        var padded = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::"
            + new string('p', room - 100) + "\"}]}" + new string(' ', 5_000) + new string('\n', 500);
        _roles.AddRole(Role, new Dictionary<string, string> { ["padded"] = padded });

        var result = await _provisioner.ProvisionAsync(grant, CancellationToken.None);

        Assert.True(result.Success, result.Error);
        Assert.Contains(grant.PolicyName, _roles.PoliciesOf(Role).Keys);
    }

    [Fact]
    public async Task Provision_RoleMissing_ErrorSaysSoWithRequestId()
    {
        var result = await _provisioner.ProvisionAsync(NewGrant(role: "gone"), CancellationToken.None);

        Assert.False(result.Success);
        Assert.StartsWith("role `gone` does not exist in the AWS account (IAM ListRolePolicies failed: NoSuchEntity (HTTP 404)", result.Error, StringComparison.Ordinal);
        Assert.Contains("request id fake-1", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Provision_IamRefusesDocument_MalformedPolicyDocumentReported()
    {
        _iam.Server.Enqueue("PutRolePolicy", ReplayResponse.QueryError(400, "MalformedPolicyDocument", "Syntax errors in policy.", "rid-malformed"));

        var result = await _provisioner.ProvisionAsync(NewGrant(), CancellationToken.None);

        Assert.False(result.Success);
        Assert.Equal("IAM PutRolePolicy failed: MalformedPolicyDocument (HTTP 400): Syntax errors in policy.; request id rid-malformed", result.Error);
        Assert.Contains("rid-malformed", result.AwsRequestIds);
    }

    [Fact]
    public async Task Revoke_AccessDenied_FailsAndKeepsPolicy()
    {
        var grant = NewGrant();
        await _provisioner.ProvisionAsync(grant, CancellationToken.None);
        _iam.Server.Enqueue("DeleteRolePolicy", ReplayResponse.QueryError(403, "AccessDenied", "not authorized to perform: iam:DeleteRolePolicy", "rid-denied"));

        var result = await _provisioner.RevokeAsync(grant, CancellationToken.None);

        Assert.False(result.Success);
        Assert.StartsWith($"the service's AWS credentials may not change role `{Role}`", result.Error, StringComparison.Ordinal);
        Assert.Contains(grant.PolicyName, _roles.PoliciesOf(Role).Keys);
    }
}
