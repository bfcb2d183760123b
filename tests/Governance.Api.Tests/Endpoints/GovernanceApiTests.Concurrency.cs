using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Governance.Core.Results;

namespace Governance.Api.Tests.Endpoints;

public abstract partial class GovernanceApiTests<TFixture>
{
    [SkippableFact]
    public async Task Approve_TwoApproversAtOnce_ExactlyOneDecisionWins()
    {
        // Arrange
        var alice = Factory.ClientFor(NewUser("alice"), "engineer");
        var approvers = Enumerable.Range(0, 4).Select(i => Factory.ClientFor(NewUser($"appr{i}"), "approver")).ToArray();
        var id = (await SubmitAsync(alice, LakeWrite())).GetProperty("id").GetString();

        // Act
        var responses = await Task.WhenAll(approvers.Select(c => ApproveAsync(c, id!, "go")));

        // Assert
        Assert.Equal(1, responses.Count(r => r.Status == HttpStatusCode.OK));
        Assert.All(responses.Where(r => r.Status != HttpStatusCode.OK), r => AssertProblem(r, HttpStatusCode.Conflict));
        var request = await GetAsync(approvers[0], $"/v1/access-requests/{id}");
        Assert.Equal(1, request.Body.GetProperty("approvals").GetArrayLength());
        var grants = await GetAsync(approvers[0], $"/v1/grants?requester={request.Body.GetProperty("requester").GetString()}");
        Assert.Equal(1, grants.Body.GetProperty("total").GetInt32());
    }

    [SkippableFact]
    public async Task Create_ManySubmissionsAtOnce_ExactlyTheLimitIsKeptAndTheRestAre429()
    {
        // Arrange: one requester floods the service, 200 submissions at once; the default limit is 20 pending requests
        var user = NewUser("burst");
        var client = Factory.ClientFor(user, "engineer");
        var approver = Factory.ClientFor(NewUser("bob"), "approver");
        const int count = 200;
        const int limit = 20;

        // Act
        var responses = await Task.WhenAll(Enumerable.Range(0, count).Select(i => client.PostAsJsonAsync("/v1/access-requests", LakeWrite($"arn:aws:s3:::lake-burst-{i}/*"))));

        // Assert: parallel submissions cannot pass the limit together; none is lost or duplicated
        Assert.Equal(limit, responses.Count(r => r.StatusCode == HttpStatusCode.Created));
        var refused = responses.Where(r => r.StatusCode != HttpStatusCode.Created).ToArray();
        Assert.All(refused, r => AssertProblem(r, HttpStatusCode.TooManyRequests));
        Assert.All(refused, r => Assert.True(r.Headers.RetryAfter?.Delta > TimeSpan.Zero, "a 429 says when to try again"));
        var problem = await refused[0].Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(ProblemCodes.RequesterLimitReached, problem.GetProperty("code").GetString());
        var list = await GetAsync(approver, $"/v1/access-requests?requester={user}&pageSize=200");
        Assert.Equal(limit, list.Body.GetProperty("total").GetInt32());
        var ids = list.Body.GetProperty("items").EnumerateArray().Select(r => r.GetProperty("id").GetString()).ToHashSet();
        Assert.Equal(limit, ids.Count);
        var verify = await GetAsync(approver, "/v1/audit/verify");
        Assert.True(verify.Body.GetProperty("valid").GetBoolean(), verify.Body.ToString());
    }

    [SkippableFact]
    public async Task Create_ApprovedFlood_StopsAtTheActiveGrantLimitAndSaysWhenToRetry()
    {
        // Arrange: the default limit is 20 active grants per requester. lake-read on data-engineer is no longer approved
        // by the rules alone (alice, bob and carol can act as the role and would gain it too), so an approver grants each.
        var user = NewUser("flood");
        var client = Factory.ClientFor(user, "engineer");
        var approver = Factory.ClientFor(NewUser("approver"), "approver");
        const int limit = 20;

        // Act
        var approved = new List<JsonElement>();
        for (var i = 0; i < limit; i++)
        {
            var submitted = await SubmitAsync(client, RequestFor("lake-read", $"arn:aws:s3:::lake-flood-{i}", hours: 4));
            approved.Add((await ApproveAsync(approver, submitted.GetProperty("id").GetString())).Body);
        }
        var response = await client.PostAsJsonAsync("/v1/access-requests", RequestFor("lake-read", "arn:aws:s3:::lake-flood-last", hours: 4));

        // Assert: the state stops growing at the limit; the 429 says to wait for the first grant to end, four hours on
        Assert.All(approved, r => Assert.Equal("Approved", r.GetProperty("status").GetString()));
        AssertProblem(response, HttpStatusCode.TooManyRequests);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(ProblemCodes.RequesterLimitReached, problem.GetProperty("code").GetString());
        Assert.Contains("active grants", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.InRange(response.Headers.RetryAfter!.Delta!.Value, TimeSpan.FromHours(4) - TimeSpan.FromMinutes(1), TimeSpan.FromHours(4));
    }

    [SkippableFact]
    public async Task Create_SubmitAndCancelLoop_StopsAtTheHourlyLimitUntilTheHourPasses()
    {
        // Arrange: cancelling keeps nothing pending, yet every submission costs a preview: 30 an hour by default
        var client = Factory.ClientFor(NewUser("looper"), "engineer");
        const int perHour = 30;
        for (var i = 0; i < perHour; i++)
        {
            var id = (await SubmitAsync(client, LakeWrite($"arn:aws:s3:::lake-loop-{i}/*"))).GetProperty("id").GetString();
            await PostAsync(client, $"/v1/access-requests/{id}/cancel");
        }

        // Act
        var refused = await client.PostAsJsonAsync("/v1/access-requests", LakeWrite("arn:aws:s3:::lake-loop-last/*"));
        Factory.Time.Advance(TimeSpan.FromHours(1) + TimeSpan.FromSeconds(1));
        var later = await client.PostAsJsonAsync("/v1/access-requests", LakeWrite("arn:aws:s3:::lake-loop-last/*"));

        // Assert
        AssertProblem(refused, HttpStatusCode.TooManyRequests);
        Assert.Contains("submissions an hour", (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.InRange(refused.Headers.RetryAfter!.Delta!.Value, TimeSpan.FromMinutes(55), TimeSpan.FromHours(1));
        Assert.Equal(HttpStatusCode.Created, later.StatusCode);
    }

    [SkippableFact]
    public async Task AuditVerify_AfterActivity_IsValidAndEventsLinkRequests()
    {
        // Arrange
        var alice = Factory.ClientFor(NewUser("alice"), "engineer");
        var bob = Factory.ClientFor(NewUser("bob"), "approver");
        var id = (await SubmitAsync(alice, LakeWrite())).GetProperty("id").GetString();
        await ApproveAsync(bob, id);

        // Act
        var verify = await GetAsync(bob, "/v1/audit/verify");
        var events = await GetAsync(bob, $"/v1/audit/events?requestId={id}");

        // Assert
        Assert.True(verify.Body.GetProperty("valid").GetBoolean(), verify.Body.ToString());
        Assert.True(verify.Body.GetProperty("events").GetInt64() >= 3);
        var actions = events.Body.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("action").GetString()).ToList();
        Assert.Equal(["request.created", "request.approved", "grant.provisioned"], actions);
    }
}
