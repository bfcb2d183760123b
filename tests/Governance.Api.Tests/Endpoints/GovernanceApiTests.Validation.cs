using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Governance.Api.Tests.Endpoints;

public abstract partial class GovernanceApiTests<TFixture>
{
    [SkippableTheory]
    [MemberData(nameof(MalformedBodies.All), MemberType = typeof(MalformedBodies))]
    public async Task Create_MalformedBody_Returns400ProblemNamingTheField(string body, string field)
    {
        // Arrange
        var alice = Factory.ClientFor(NewUser("alice"), "engineer");

        // Act
        var response = await alice.PostAsync("/v1/access-requests", new StringContent(body, Encoding.UTF8, "application/json"));

        // Assert
        AssertProblem(response, HttpStatusCode.BadRequest);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        var fields = problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains(field, fields);
    }

    [SkippableFact]
    public async Task List_BadPagingOrStatus_Returns400ProblemNamingTheField()
    {
        // Arrange
        var bob = Factory.ClientFor(NewUser("bob"), "approver");

        // Act
        var page = await GetAsync(bob, "/v1/access-requests?page=zero");
        var size = await GetAsync(bob, "/v1/grants?pageSize=5000");
        var status = await GetAsync(bob, "/v1/access-requests?status=Maybe");

        // Assert
        AssertProblem(page, HttpStatusCode.BadRequest);
        Assert.True(page.Body.GetProperty("errors").TryGetProperty("page", out _));
        Assert.True(size.Body.GetProperty("errors").TryGetProperty("pageSize", out _));
        Assert.True(status.Body.GetProperty("errors").TryGetProperty("status", out _));
    }

    [SkippableFact]
    public async Task Create_SetTheRequesterRoleMayNotRequest_Returns403Problem()
    {
        // Arrange: kms-key-admin is for approvers and admins only
        var alice = Factory.ClientFor(NewUser("alice"), "engineer");

        // Act
        var response = await alice.PostAsJsonAsync("/v1/access-requests", new
        {
            permissionSet = "kms-key-admin",
            resources = new[] { "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab" },
            targetRole = "data-engineer",
            justification = "rotate",
            durationHours = 1,
        });

        // Assert
        AssertProblem(response, HttpStatusCode.Forbidden);
    }
}
