namespace Governance.Api.Setup;

/// <summary>Adds the metrics port to the addresses the service listens on, keeping the ones it was given.</summary>
/// <remarks>
/// Kestrel listens on <c>ASPNETCORE_URLS</c> (<c>urls</c>), else on <c>ASPNETCORE_HTTP_PORTS</c>/<c>HTTPS_PORTS</c>,
/// else on <c>http://localhost:5000</c>; listening on a port from code would silently replace them, so the port is added
/// to that list instead. With <c>Kestrel:Endpoints</c> in configuration those win over any list, and the operator adds
/// the metrics endpoint there (README, Operations).
/// </remarks>
internal static class MetricsPortAddress
{
    public static void Add(WebApplicationBuilder builder, int port)
    {
        var configuration = builder.Configuration;
        if (configuration.GetSection("Kestrel:Endpoints").GetChildren().Any())
        {
            return;
        }
        var addresses = Split(configuration[WebHostDefaults.ServerUrlsKey]);
        if (addresses.Count == 0)
        {
            addresses.AddRange(Split(configuration[WebHostDefaults.HttpPortsKey]).Select(static p => $"http://*:{p}"));
            addresses.AddRange(Split(configuration[WebHostDefaults.HttpsPortsKey]).Select(static p => $"https://*:{p}"));
        }
        if (addresses.Count == 0)
        {
            addresses.Add("http://localhost:5000");
        }
        addresses.Add($"http://*:{port}");
        builder.WebHost.UseUrls([.. addresses]);
    }

    private static List<string> Split(string? list)
        => [.. (list ?? string.Empty).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
}
