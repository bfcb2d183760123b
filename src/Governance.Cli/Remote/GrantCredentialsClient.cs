using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;

namespace Governance.Cli.Remote;

/// <summary>Asks the governance API for a grant's credentials: <c>POST /v1/grants/{id}/credentials</c>.</summary>
internal static class GrantCredentialsClient
{
    /// <summary>How long the API, and STS behind it, may take.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    /// <summary>Fetches the credentials, or says in one line why it could not.</summary>
    public static async Task<(ProcessCredentials? Credentials, string? Error)> FetchAsync(Uri api, string token, Guid grantId,
        CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = api, Timeout = Timeout };
        using var request = new HttpRequestMessage(HttpMethod.Post, $"v1/grants/{grantId:D}/credentials");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        HttpResponseMessage response;
        string body;
        try
        {
            response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
            body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException e)
        {
            return (null, $"cannot reach the API at {api}: {e.Message}; set --api or IAMGOV_API");
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return (null, $"the API at {api} did not answer within {Timeout.TotalSeconds:0} seconds");
        }
        using (response)
        {
            return response.IsSuccessStatusCode ? Read(body) : (null, Refusal((int)response.StatusCode, body));
        }
    }

    private static (ProcessCredentials?, string?) Read(string body)
    {
        try
        {
            var json = JsonDocument.Parse(body).RootElement;
            string? Text(string name) => json.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
            if (Text("accessKeyId") is { Length: > 0 } key && Text("secretAccessKey") is { Length: > 0 } secret
                && Text("sessionToken") is { Length: > 0 } session
                && DateTimeOffset.TryParse(Text("expiration"), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var expiration))
            {
                return (new ProcessCredentials(key, secret, session, expiration), null);
            }
        }
        catch (JsonException)
        {
            // Reported below, without the body: it may hold a secret.
        }
        return (null, "the API answered without complete credentials (accessKeyId, secretAccessKey, sessionToken, expiration)");
    }

    /// <summary>The problem's detail and code when the API sent RFC 9457 problem details, else the status alone.</summary>
    private static string Refusal(int status, string body)
    {
        var hint = status == 401 ? "; the token is missing, expired or not for this service: get a new one" : string.Empty;
        try
        {
            var problem = JsonDocument.Parse(body).RootElement;
            if (problem.ValueKind == JsonValueKind.Object && problem.TryGetProperty("detail", out var detail) && detail.ValueKind == JsonValueKind.String)
            {
                var code = problem.TryGetProperty("code", out var c) && c.ValueKind == JsonValueKind.String ? $", {c.GetString()}" : string.Empty;
                return $"{detail.GetString()} (HTTP {status}{code}){hint}";
            }
        }
        catch (JsonException)
        {
            // Not problem details: the status says enough.
        }
        return $"the API answered HTTP {status}{hint}";
    }
}
