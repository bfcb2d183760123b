using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Governance.Api.Tests.Infrastructure;

/// <summary>
/// What every test of the API through the real HTTP pipeline shares: the fixture's service, skipped when its database is
/// not available, and the calls an engineer and an approver make.
/// </summary>
public abstract class ApiTestBase<TFixture>
    where TFixture : ApiFixture
{
    protected ApiTestBase(TFixture fixture) => Fixture = fixture;

    protected TFixture Fixture { get; }

    protected GovernanceApiFactory Factory
    {
        get
        {
            Skip.If(Fixture.Database.UnavailableReason is not null, Fixture.Database.UnavailableReason);
            return Fixture.Factory;
        }
    }

    /// <summary>A subject no other test uses, so lists and ownership stay independent between tests.</summary>
    protected static string NewUser(string name) => TestUsers.New(name);

    protected static object LakeWrite(string resource = "arn:aws:s3:::lake-x/*", int hours = 8) => new
    {
        permissionSet = "lake-write",
        resources = new[] { resource },
        targetRole = "data-engineer",
        justification = "backfill of the orders table after the schema change",
        durationHours = hours,
    };

    protected static object RequestFor(string permissionSet, string resource, string targetRole = "data-engineer", int hours = 2,
        string justification = "needed for the data platform") => new
    {
        permissionSet,
        resources = new[] { resource },
        targetRole,
        justification,
        durationHours = hours,
    };

    protected static async Task<JsonElement> SubmitAsync(HttpClient client, object body, HttpStatusCode expected = HttpStatusCode.Created)
    {
        var response = await client.PostAsJsonAsync("/v1/access-requests", body);
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(response.StatusCode == expected, $"expected {expected}, got {(int)response.StatusCode}: {json}");
        return json;
    }

    protected static async Task<(HttpStatusCode Status, JsonElement Body)> PostAsync(HttpClient client, string path, object? body = null)
    {
        var response = await client.PostAsJsonAsync(path, body ?? new { comment = "test" });
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    /// <summary>
    /// Approves as an approver does: reads the request, then approves the preview read, naming its ETag in
    /// <c>If-Match</c> (no tag when the read gave none, such as for a request that is no longer pending).
    /// </summary>
    protected static async Task<(HttpStatusCode Status, JsonElement Body)> ApproveAsync(HttpClient approver, string? id, string comment = "test")
    {
        ArgumentNullException.ThrowIfNull(id);
        var read = await approver.GetAsync($"/v1/access-requests/{id}");
        using var message = new HttpRequestMessage(HttpMethod.Post, $"/v1/access-requests/{id}/approve") { Content = JsonContent.Create(new { comment }) };
        if (read.Headers.ETag is { } tag)
        {
            message.Headers.IfMatch.Add(tag);
        }
        var response = await approver.SendAsync(message);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    protected static async Task<(HttpStatusCode Status, JsonElement Body)> GetAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    protected static void AssertProblem(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    protected static void AssertProblem((HttpStatusCode Status, JsonElement Body) result, HttpStatusCode status)
    {
        Assert.Equal(status, result.Status);
        Assert.Equal((int)status, result.Body.GetProperty("status").GetInt32());
        Assert.True(result.Body.TryGetProperty("title", out _), "problem details carry a title");
    }
}
