using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Governance.Api.Tests.Infrastructure;

namespace Governance.Api.Tests.Endpoints;

public abstract partial class GovernanceApiTests<TFixture>
{
    [SkippableTheory]
    [MemberData(nameof(RefusedSubjects.Names), MemberType = typeof(RefusedSubjects))]
    public async Task MemberEndpoints_SignedTokenWithSubjectThatNamesNoActor_Return401WithCode(string name)
    {
        // Arrange: a valid signature and role; only the subject is wrong.
        var (subject, refusal) = RefusedSubjects.Cases[name];
        var client = Factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TestTokens.WithAnySubject(Factory.SigningKey, subject, "engineer", "admin"));

        // Act
        var responses = new[]
        {
            await client.GetAsync("/v1/access-requests"),
            await client.PostAsJsonAsync("/v1/access-requests", LakeWrite()),
            await client.GetAsync("/v1/grants"),
            await client.PostAsJsonAsync($"/v1/grants/{Guid.NewGuid()}/revoke", new { comment = "test" }),
        };

        // Assert
        foreach (var response in responses)
        {
            await RefusedSubjects.AssertRefusedAsync(response, refusal);
        }
    }

    [SkippableFact]
    public async Task MemberEndpoints_SignedTokenWithTwoSubjects_Return401()
    {
        // Arrange: the token handler itself refuses a `sub` that is not a string; refused either way, never a 500.
        var client = Factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer",
            TestTokens.WithTwoSubjects(Factory.SigningKey, NewUser("alice"), NewUser("bob"), "engineer"));

        // Act
        var requests = await client.GetAsync("/v1/access-requests");
        var grants = await client.GetAsync("/v1/grants");

        // Assert
        AssertProblem(requests, HttpStatusCode.Unauthorized);
        AssertProblem(grants, HttpStatusCode.Unauthorized);
    }

    [SkippableFact]
    public async Task Request_ForbiddenRole_Returns403ProblemNamingTheRoles()
    {
        // Arrange: a valid signature and subject, but a role the audit endpoints do not take.
        var client = Factory.ClientFor(NewUser("erin"), "engineer");

        // Act
        var response = await client.GetAsync("/v1/audit/verify");

        // Assert
        AssertProblem(response, HttpStatusCode.Forbidden);
        var detail = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString();
        Assert.Contains("the token carries `engineer`", detail, StringComparison.Ordinal);
    }
}
