using System.Net.Http.Json;
using System.Text.Json;

namespace Governance.Api.Tests.Infrastructure;

/// <summary>The calls the credential tests make: an active grant, and credentials for it.</summary>
internal static class CredentialRequests
{
    /// <summary>An approved lake-read grant on data-engineer, requested by <paramref name="requester"/> and approved by an approver of <paramref name="factory"/>.</summary>
    /// <remarks>
    /// Each on a bucket of its own. Not approved automatically: alice, bob and carol (through platform-admin) can act as
    /// data-engineer too and would gain it (issue 14, who else gains the access).
    /// </remarks>
    public static async Task<JsonElement> ActiveGrantAsync(GovernanceApiFactory factory, HttpClient requester, int hours = 4)
    {
        ArgumentNullException.ThrowIfNull(factory);
        var response = await requester.PostAsJsonAsync("/v1/access-requests", new
        {
            permissionSet = "lake-read",
            resources = new[] { $"arn:aws:s3:::lake-cred-{Guid.NewGuid():N}"[..34] },
            targetRole = "data-engineer",
            justification = "query the curated tables",
            durationHours = hours,
        });
        var request = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Pending", request.GetProperty("status").GetString());
        var approver = factory.ClientFor(TestUsers.New("approver"), "approver");
        var approved = await (await approver.PostAsJsonAsync($"/v1/access-requests/{request.GetProperty("id").GetString()}/approve", new { comment = "ok", previewVersion = request.GetProperty("previewVersion").GetString() }))
            .Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(approved.TryGetProperty("grantId", out var grantId) && grantId.ValueKind == JsonValueKind.String, $"one approval grants lake-read: {approved}");
        return await requester.GetFromJsonAsync<JsonElement>($"/v1/grants/{grantId.GetString()}");
    }

    public static async Task<(HttpResponseMessage Response, JsonElement Body)> IssueAsync(HttpClient client, string grantId)
    {
        var response = await client.PostAsync($"/v1/grants/{grantId}/credentials", null);
        var text = await response.Content.ReadAsStringAsync();
        return (response, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }
}
