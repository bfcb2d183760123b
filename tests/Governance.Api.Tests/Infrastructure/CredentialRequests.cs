using System.Net.Http.Json;
using System.Text.Json;

namespace Governance.Api.Tests.Infrastructure;

/// <summary>The calls the credential tests make: an active grant, and credentials for it.</summary>
internal static class CredentialRequests
{
    /// <summary>An automatically approved lake-read grant on data-engineer, requested by <paramref name="requester"/>.</summary>
    /// <remarks>Each on a bucket of its own: a request that adds no access to the role is not approved automatically.</remarks>
    public static async Task<JsonElement> ActiveGrantAsync(HttpClient requester, int hours = 4)
    {
        var response = await requester.PostAsJsonAsync("/v1/access-requests", new
        {
            permissionSet = "lake-read",
            resources = new[] { $"arn:aws:s3:::lake-cred-{Guid.NewGuid():N}"[..34] },
            targetRole = "data-engineer",
            justification = "query the curated tables",
            durationHours = hours,
        });
        var request = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(request.TryGetProperty("grantId", out var grantId) && grantId.ValueKind == JsonValueKind.String, $"lake-read is approved automatically: {request}");
        return await requester.GetFromJsonAsync<JsonElement>($"/v1/grants/{grantId.GetString()}");
    }

    public static async Task<(HttpResponseMessage Response, JsonElement Body)> IssueAsync(HttpClient client, string grantId)
    {
        var response = await client.PostAsync($"/v1/grants/{grantId}/credentials", null);
        var text = await response.Content.ReadAsStringAsync();
        return (response, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }
}
