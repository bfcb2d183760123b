using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Governance.Api.Tests.Console.Infrastructure;
using Governance.Api.Tests.Infrastructure;
using Governance.Core.Results;
using TestSupport.Files;

namespace Governance.Api.Tests.Endpoints;

/// <summary>The HTTP rate limits of <c>Governance:RateLimits</c>, set low and with an hour's window so that no test races a window's end.</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001:Types that own disposable fields should be disposable",
    Justification = "xunit disposes the class through IAsyncLifetime.DisposeAsync, which disposes the factory and the data folder.")]
public sealed class RateLimitTests : IAsyncLifetime
{
    private const int PerSubject = 3;
    private const int PerAddress = 10;
    private readonly TempFolder _data = TempFolder.Create();
    private GovernanceApiFactory _factory = null!;

    public Task InitializeAsync()
    {
        _factory = new GovernanceApiFactory(TestDatabase.Sqlite(_data), _data, static builder =>
        {
            builder.UseSetting("Governance:RateLimits:PerSubject:PermitLimit", PerSubject.ToString(System.Globalization.CultureInfo.InvariantCulture));
            builder.UseSetting("Governance:RateLimits:PerSubject:Window", "01:00:00");
            builder.UseSetting("Governance:RateLimits:PerAddress:PermitLimit", PerAddress.ToString(System.Globalization.CultureInfo.InvariantCulture));
            builder.UseSetting("Governance:RateLimits:PerAddress:Window", "01:00:00");
        });
        _ = _factory.Server;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _factory.DisposeAsync();
        _data.Dispose();
    }

    [Fact]
    public async Task ConsoleSession_CountsAsItsSubject_AndOverTheLimitReadsAPage()
    {
        // Arrange: the sign-in's two requests come before there is a subject
        var user = TestUsers.New("dora");
        using var console = await ConsoleClient.SignInAsync(_factory, user, "engineer");
        var bearer = _factory.ClientFor(user, "engineer");
        for (var i = 0; i < PerSubject - 1; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await console.GetAsync("/")).Status);
        }
        Assert.Equal(HttpStatusCode.OK, (await bearer.GetAsync("/v1/permission-sets")).StatusCode);

        // Act: the same person, past the limit through either door
        var page = await console.GetAsync("/");
        var api = await bearer.GetAsync("/v1/permission-sets");

        // Assert
        Assert.Equal(HttpStatusCode.TooManyRequests, page.Status);
        Assert.Equal("Slow down", page.Text("h1"));
        Assert.Equal(HttpStatusCode.TooManyRequests, api.StatusCode);
    }

    [Fact]
    public async Task Subject_OverItsLimit_Gets429ProblemWithRetryAfter_AndAnotherSubjectIsNotLimited()
    {
        // Arrange
        var alice = _factory.ClientFor(TestUsers.New("alice"), "engineer");
        var carol = _factory.ClientFor(TestUsers.New("carol"), "engineer");
        for (var i = 0; i < PerSubject; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await alice.GetAsync("/v1/permission-sets")).StatusCode);
        }

        // Act
        var refused = await alice.GetAsync("/v1/permission-sets");
        var other = await carol.GetAsync("/v1/permission-sets");

        // Assert
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(ProblemCodes.RateLimited, problem.GetProperty("code").GetString());
        Assert.Equal(429, problem.GetProperty("status").GetInt32());
        Assert.InRange(refused.Headers.RetryAfter!.Delta!.Value, TimeSpan.FromMinutes(1), TimeSpan.FromHours(1));
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
    }

    [Fact]
    public async Task Health_ManyMoreCallsThanAnyLimit_NeverLimited()
    {
        // Arrange
        var anonymous = _factory.CreateClient();

        // Act
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3 * PerAddress; i++)
        {
            statuses.Add((await anonymous.GetAsync(i % 2 == 0 ? "/health/live" : "/health/ready")).StatusCode);
        }

        // Assert
        Assert.All(statuses, static s => Assert.Equal(HttpStatusCode.OK, s));
    }

    [Fact]
    public async Task Address_UnauthenticatedFlood_LimitedBeforeAuthentication()
    {
        // Arrange: forged tokens, which the per-address limit stops before their signatures are checked
        var forger = _factory.CreateClient();
        forger.DefaultRequestHeaders.Authorization = new("Bearer", "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln");
        var statuses = new List<HttpStatusCode>();

        // Act
        for (var i = 0; i < PerAddress + 2; i++)
        {
            statuses.Add((await forger.GetAsync("/v1/grants")).StatusCode);
        }
        var refused = await forger.GetAsync("/v1/grants");

        // Assert
        Assert.All(statuses.Take(PerAddress), static s => Assert.Equal(HttpStatusCode.Unauthorized, s));
        Assert.All(statuses.Skip(PerAddress), static s => Assert.Equal(HttpStatusCode.TooManyRequests, s));
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(ProblemCodes.RateLimited, problem.GetProperty("code").GetString());
        Assert.NotNull(refused.Headers.RetryAfter);
    }
}
