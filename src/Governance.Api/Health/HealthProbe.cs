namespace Governance.Api.Health;

/// <summary>
/// <c>Governance.Api --health-check URL</c>: one GET of a health endpoint, answered by the exit code (0 when it answers
/// 2xx, 1 otherwise), without starting the service.
/// </summary>
/// <remarks>
/// The container image's HEALTHCHECK runs it: the official ASP.NET Core image has no curl or wget, and the service's own
/// binary is already there.
/// </remarks>
internal static class HealthProbe
{
    /// <summary>The option that selects this mode, as the first argument.</summary>
    public const string Option = "--health-check";

    /// <summary>How long the probe waits for an answer; a container runtime's own timeout should be longer.</summary>
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    /// <summary>Whether <paramref name="args"/> ask for the probe rather than the service.</summary>
    public static bool IsRequested(string[] args) => args is [Option, ..];

    /// <summary>Runs the probe described by <paramref name="args"/> (<c>--health-check URL</c>); returns the exit code.</summary>
    public static async Task<int> RunAsync(string[] args)
    {
        if (args is not [Option, var url] || !Uri.TryCreate(url, UriKind.Absolute, out var address)
            || (address.Scheme != Uri.UriSchemeHttp && address.Scheme != Uri.UriSchemeHttps))
        {
            await System.Console.Error.WriteLineAsync($"usage: {Option} http://127.0.0.1:8080/health/ready (one absolute http or https URL)").ConfigureAwait(false);
            return 1;
        }
        using var http = new HttpClient { Timeout = Timeout };
        try
        {
            using var response = await http.GetAsync(address).ConfigureAwait(false);
            if (response.IsSuccessStatusCode)
            {
                return 0;
            }
            await System.Console.Error.WriteLineAsync($"{address} answered {(int)response.StatusCode}").ConfigureAwait(false);
            return 1;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            await System.Console.Error.WriteLineAsync($"{address} did not answer: {e.Message}").ConfigureAwait(false);
            return 1;
        }
    }
}
