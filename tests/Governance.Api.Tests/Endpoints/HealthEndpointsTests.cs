using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Governance.Api.Tests.Infrastructure;
using TestSupport.Files;

namespace Governance.Api.Tests.Endpoints;

/// <summary>The health endpoints of a service whose database goes away after it started.</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001:Types that own disposable fields should be disposable",
    Justification = "xunit disposes the class through IAsyncLifetime.DisposeAsync, which disposes the factory and the data folder.")]
public sealed class HealthEndpointsTests : IAsyncLifetime
{
    private readonly TempFolder _data = TempFolder.Create();
    private GovernanceApiFactory _factory = null!;

    public Task InitializeAsync()
    {
        _factory = new GovernanceApiFactory(TestDatabase.Sqlite(_data), _data);
        _ = _factory.Server;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _factory.DisposeAsync();
        _data.Dispose();
    }

    [Fact]
    public async Task Ready_DatabaseGoneAfterStart_Returns503NamingTheDatabaseAndLiveStaysUp()
    {
        // Arrange
        var client = _factory.CreateClient();
        var before = await client.GetAsync("/health/ready");
        foreach (var file in Directory.GetFiles(_data, "governance.db*"))
        {
            File.Delete(file);
        }

        // Act
        var ready = await client.GetAsync("/health/ready");
        var live = await client.GetAsync("/health/live");

        // Assert
        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        var body = await ready.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Unhealthy", body.GetProperty("status").GetString());
        var database = body.GetProperty("checks").GetProperty("database");
        Assert.Equal("Unhealthy", database.GetProperty("status").GetString());
        Assert.Equal("the database SQLite `governance.db` does not answer", database.GetProperty("description").GetString());
        Assert.DoesNotContain(_data.Path, await ready.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
    }
}
