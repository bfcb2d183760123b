using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Governance.Api.Tests.Infrastructure;
using Governance.Core.Results;
using TestSupport.Files;

namespace Governance.Api.Tests.Endpoints;

/// <summary>The body caps on Kestrel itself, where the server's own limit (<c>IHttpMaxRequestBodySizeFeature</c>) is set per endpoint too.</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001:Types that own disposable fields should be disposable",
    Justification = "xunit disposes the class through IAsyncLifetime.DisposeAsync, which disposes the factory and the data folder.")]
public sealed class KestrelBodyLimitTests : IAsyncLifetime
{
    private readonly TempFolder _data = TempFolder.Create();
    private GovernanceApiFactory _factory = null!;

    public Task InitializeAsync()
    {
        _factory = new GovernanceApiFactory(TestDatabase.Sqlite(_data), _data);
        _factory.UseKestrel(0);
        _factory.StartServer();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _factory.DisposeAsync();
        _data.Dispose();
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Submit_BodyOverTheCap_Returns413ProblemOverTcp(bool chunked)
    {
        // Arrange
        var alice = _factory.ClientFor(TestUsers.New("alice"), "engineer");
        var json = JsonSerializer.SerializeToUtf8Bytes(new
        {
            permissionSet = "lake-write",
            resources = new[] { "arn:aws:s3:::lake-x/*" },
            targetRole = "data-engineer",
            justification = new string('j', 200_000),
            durationHours = 1,
        });
        using HttpContent content = chunked ? new StreamContent(new UnseekableStream(json)) : new ByteArrayContent(json);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");

        // Act
        var response = await alice.PostAsync("/v1/access-requests", content);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        // Assert
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(ProblemCodes.BodyTooLarge, problem.GetProperty("code").GetString());
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
    }

    private sealed class UnseekableStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}
