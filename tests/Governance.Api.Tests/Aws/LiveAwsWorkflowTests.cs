using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AwsReplay;
using AwsReplay.Iam;
using AwsReplay.SigV4;
using Governance.Api.Tests.Infrastructure;
using Governance.Core.Infrastructure.Aws;
using Governance.Core.Results;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using TestSupport.Organizations;
using TestSupport.Paths;

namespace Governance.Api.Tests.Aws;

/// <summary>
/// The service configured for live AWS (Provisioning:Mode=Aws, Account:Source=Aws) against the loopback IAM: the
/// account is read from IAM at start, grants land in IAM as inline role policies, and the audit events carry the
/// request ids of the calls.
/// </summary>
public sealed class LiveAwsWorkflowTests : IAsyncLifetime
{
    private static readonly SigV4Credentials Keys = SigV4Credentials.Example;
    private const string Baseline = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:ListAllMyBuckets","Resource":"*"}]}""";

    private readonly SqliteApiFixture _fixture = new();
    private ReplayServer _iam = null!;
    private FakeIamRoles _roles = null!;
    private WebApplicationFactory<Program> _service = null!;

    public async Task InitializeAsync()
    {
        _iam = await ReplayServer.StartAsync();
        _roles = new FakeIamRoles(_iam);
        _roles.AddRole("data-engineer", new Dictionary<string, string> { ["baseline"] = Baseline });
        var demo = await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.Policies, "demo-account.json"));
        _iam.Handle(r => r.Action == "GetAccountAuthorizationDetails" ? ReplayResponse.Xml(IamSamples.AccountAuthorizationDetailsPage(demo, "gaad-1")) : null);
        await _fixture.InitializeAsync();
        _service = _fixture.Factory.WithWebHostBuilder(b =>
        {
            b.UseSetting("Governance:Provisioning:Mode", "Aws");
            b.UseSetting("Governance:Account:Source", "Aws");
            b.UseSetting("Governance:DataDirectory", Path.Combine(_fixture.DataDirectory, "live"));
            b.ConfigureTestServices(services =>
            {
                services.RemoveAll<AwsEnvironment>();
                services.AddSingleton(AwsEnvironment.Of(_iam.EnvironmentVariables(Keys, region: "eu-central-1")));
            });
        });
        _ = _service.Server;
    }

    public async Task DisposeAsync()
    {
        await _service.DisposeAsync();
        await _fixture.DisposeAsync();
        await _iam.DisposeAsync();
    }

    private HttpClient ClientFor(string subject, string role)
    {
        var client = _service.CreateClient();
        var key = Governance.Core.Infrastructure.Signing.LocalSigningKey.LoadOrCreate(Path.Combine(_fixture.DataDirectory, "live"));
        client.DefaultRequestHeaders.Authorization = new("Bearer", TestTokens.Valid(key, subject, role));
        return client;
    }

    private static async Task<JsonElement> PostAsync(HttpClient client, string path, object body, HttpStatusCode expected)
    {
        var response = await client.PostAsJsonAsync(path, body);
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(response.StatusCode == expected, $"expected {expected}, got {(int)response.StatusCode}: {json}");
        return json;
    }

    private static async Task<string> ApproveGrantAsync(HttpClient alice, HttpClient bob, string bucket)
    {
        var request = await PostAsync(alice, "/v1/access-requests", new
        {
            permissionSet = "lake-write",
            resources = new[] { $"arn:aws:s3:::{bucket}/*" },
            targetRole = "data-engineer",
            justification = "backfill of the orders table",
            durationHours = 8,
        }, HttpStatusCode.Created);
        var approved = await PostAsync(bob, $"/v1/access-requests/{request.GetProperty("id").GetString()}/approve",
            new { comment = "ok", previewVersion = request.GetProperty("previewVersion").GetString() }, HttpStatusCode.OK);
        return approved.GetProperty("grantId").GetString()!;
    }

    private static async Task<JsonElement> AuditAfterAsync(HttpClient bob, string action, string grantId)
    {
        var events = await bob.GetFromJsonAsync<JsonElement>("/v1/audit/events?pageSize=200");
        var match = events.GetProperty("items").EnumerateArray()
            .Single(e => e.GetProperty("action").GetString() == action && e.GetProperty("grantId").GetString() == grantId);
        return match.GetProperty("after");
    }

    [Fact]
    public async Task ApproveThenRevoke_GrantLandsInIamAndLeaves_AuditRecordsRequestIds()
    {
        var alice = ClientFor("alice-live", "engineer");
        var bob = ClientFor("bob-live", "approver");

        var grantId = await ApproveGrantAsync(alice, bob, "lake-live-a");

        var policy = _roles.PoliciesOf("data-engineer")[$"grant-{grantId}"];
        Assert.Contains("\"DateLessThan\":{\"aws:CurrentTime\":", policy, StringComparison.Ordinal);
        var provisioned = await AuditAfterAsync(bob, "grant.provisioned", grantId);
        var provisionIds = provisioned.GetProperty("awsRequestIds").EnumerateArray().Select(e => e.GetString()).ToList();
        Assert.Equal(3, provisionIds.Count);   // ListRolePolicies, GetRolePolicy (baseline), PutRolePolicy
        Assert.All(provisionIds, id => Assert.Contains(id, _roles.IssuedRequestIds));

        await PostAsync(bob, $"/v1/grants/{grantId}/revoke", new { comment = "done" }, HttpStatusCode.OK);

        Assert.Equal(["baseline"], _roles.PoliciesOf("data-engineer").Keys);
        var revoked = await AuditAfterAsync(bob, "grant.revoked", grantId);
        Assert.Equal(_roles.IssuedRequestIds[^1], revoked.GetProperty("awsRequestIds").EnumerateArray().Single().GetString());
        Assert.All(_iam.Requests, r =>
        {
            var verification = SigV4Verifier.Verify(r, Keys, "iam", "us-east-1");
            Assert.True(verification.IsValid, verification.ToString());
        });
    }

    [Fact]
    public async Task Revoke_PolicyDeletedInConsole_StillRevoked()
    {
        var alice = ClientFor("alice-live2", "engineer");
        var bob = ClientFor("bob-live2", "approver");
        var grantId = await ApproveGrantAsync(alice, bob, "lake-live-b");
        _roles.DeleteOutOfBand("data-engineer", $"grant-{grantId}");

        var revoked = await PostAsync(bob, $"/v1/grants/{grantId}/revoke", new { comment = "done" }, HttpStatusCode.OK);

        Assert.Equal("Revoked", revoked.GetProperty("status").GetString());
        Assert.DoesNotContain($"grant-{grantId}", _roles.PoliciesOf("data-engineer").Keys);
    }

    [Fact]
    public async Task Approve_IamRefuses_Returns500ProblemAndRecordsNothing()
    {
        var alice = ClientFor("alice-live3", "engineer");
        var bob = ClientFor("bob-live3", "approver");
        _iam.Enqueue("PutRolePolicy", ReplayResponse.QueryError(409, "LimitExceeded", "Maximum policy size of 10240 bytes exceeded for role data-engineer", "rid-limit"));
        var request = await PostAsync(alice, "/v1/access-requests", new
        {
            permissionSet = "lake-write",
            resources = new[] { "arn:aws:s3:::lake-live-c/*" },
            targetRole = "data-engineer",
            justification = "backfill",
            durationHours = 8,
        }, HttpStatusCode.Created);
        var id = request.GetProperty("id").GetString();

        var problem = await PostAsync(bob, $"/v1/access-requests/{id}/approve", new { comment = "ok", previewVersion = request.GetProperty("previewVersion").GetString() }, HttpStatusCode.InternalServerError);

        Assert.Contains("LimitExceeded", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains("rid-limit", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(ProblemCodes.ProvisioningFailed, problem.GetProperty("code").GetString());
        var after = await bob.GetFromJsonAsync<JsonElement>($"/v1/access-requests/{id}");
        Assert.Equal("Pending", after.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Revoke_IamRefuses_Returns500ProblemAndGrantStaysActive()
    {
        var alice = ClientFor("alice-live4", "engineer");
        var bob = ClientFor("bob-live4", "approver");
        var grantId = await ApproveGrantAsync(alice, bob, "lake-live-d");
        _iam.Enqueue("DeleteRolePolicy", ReplayResponse.QueryError(403, "AccessDenied", "User is not authorized to perform iam:DeleteRolePolicy", "rid-denied"));

        var problem = await PostAsync(bob, $"/v1/grants/{grantId}/revoke", new { comment = "done" }, HttpStatusCode.InternalServerError);

        Assert.Equal(ProblemCodes.RevocationFailed, problem.GetProperty("code").GetString());
        Assert.Contains("AccessDenied", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var after = await bob.GetFromJsonAsync<JsonElement>($"/v1/grants/{grantId}");
        Assert.Equal("Active", after.GetProperty("status").GetString());
        Assert.Contains($"grant-{grantId}", _roles.PoliciesOf("data-engineer").Keys);
    }

    [Fact]
    public async Task Start_AccountFromIam_WrittenToTheOrganisationCopy()
    {
        var copy = await OrganizationCopyReader.ReadAsync(_service.Services);

        Assert.Contains("arn:aws:iam::111122223333:role/data-engineer", copy.Accounts.Principals.Select(static p => p.Arn));
        Assert.False(copy.Snapshot.ResourcePoliciesKnown, "one account read from IAM holds no resource policies, and says so");
        Assert.NotEmpty(_iam.RequestsFor("GetAccountAuthorizationDetails"));
    }
}
