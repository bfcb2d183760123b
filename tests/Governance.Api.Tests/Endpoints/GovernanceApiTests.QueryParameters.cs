using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Governance.Api.Endpoints;
using Governance.Api.Tests.Console.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Governance.Api.Tests.Endpoints;

/// <summary>Unknown and repeated query parameters: one rule for every <c>/v1</c> endpoint, none for the console's pages.</summary>
public abstract partial class GovernanceApiTests<TFixture>
{
    /// <summary>Every /v1 endpoint the service maps, as a method and a path with its route values filled in.</summary>
    private List<(string Method, string Path, RouteEndpoint Endpoint)> V1Endpoints()
        => [.. Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(static e => e.RoutePattern.RawText!.StartsWith(QueryParameterCheck.ApiPrefix + "/", StringComparison.Ordinal))
            .SelectMany(static e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(m => (m, Fill(e.RoutePattern.RawText!), e)))];

    [SkippableFact]
    public async Task Query_UnknownParameterOnEveryV1Endpoint_Is400NamingIt()
    {
        // Arrange: an admin who is also an approver and an engineer passes every endpoint's authorization.
        var admin = Factory.ClientFor(NewUser("ada"), "engineer", "approver", "admin");
        var endpoints = V1Endpoints();
        Assert.True(endpoints.Count >= 20, $"expected every /v1 endpoint, found {endpoints.Count}");

        foreach (var (method, path, _) in endpoints)
        {
            // Act
            // A JSON body for the methods that take one: without it, routing answers 404 before any rule runs.
            using var request = new HttpRequestMessage(new HttpMethod(method), $"{path}?zzunknown=1")
            {
                Content = method == "GET" ? null : JsonContent.Create(new { }),
            };
            var response = await admin.SendAsync(request);
            var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

            // Assert
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{method} {path}: {(int)response.StatusCode} {body}");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.Equal("unknown-query-parameter", body.GetProperty("code").GetString());
            Assert.Equal(["zzunknown"], body.GetProperty("parameters").EnumerateArray().Select(static p => p.GetString()!));
            Assert.Contains("`zzunknown`", body.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }
    }

    [SkippableFact]
    public async Task Query_DeclaredParameters_AreTheOnesTheOpenApiDocumentLists()
    {
        // Arrange: the framework's own reading of each handler, as the document describes it, against the rule's.
        var member = Factory.ClientFor(NewUser("mia"), "engineer");
        var document = JsonDocument.Parse(await member.GetStringAsync("/openapi/v1.json")).RootElement.GetProperty("paths");

        foreach (var (method, _, endpoint) in V1Endpoints())
        {
            var path = Normalize(endpoint.RoutePattern.RawText!);
            var operation = document.GetProperty(path).GetProperty(method.ToLowerInvariant());
            var documented = operation.TryGetProperty("parameters", out var parameters)
                ? parameters.EnumerateArray().Where(static p => p.GetProperty("in").GetString() == "query").Select(static p => p.GetProperty("name").GetString()!)
                : [];

            // Act
            var declared = DeclaredQueryParameters.Of(endpoint)!;

            // Assert
            Assert.True(declared.Keys.Order(StringComparer.Ordinal).SequenceEqual(documented.Order(StringComparer.Ordinal)),
                $"{method} {path}: rule knows [{string.Join(", ", declared.Keys)}], the document lists [{string.Join(", ", documented)}]");
        }
    }

    [SkippableTheory]
    [InlineData("/v1/access-requests?pagSize=5", "pagSize", "pageSize")]
    [InlineData("/v1/grants?stauts=Active", "stauts", "status")]
    [InlineData("/v1/audit/events?actr=alice", "actr", "actor")]
    [InlineData("/v1/audit/reports?pag=2", "pag", "page")]
    public async Task Query_MisspeltParameter_SuggestsTheNearestKnownName(string path, string wrong, string nearest)
    {
        // Arrange
        var bob = Factory.ClientFor(NewUser("bob"), "approver");

        // Act
        var refused = await GetAsync(bob, path);

        // Assert
        AssertProblem(refused, HttpStatusCode.BadRequest);
        Assert.Equal("unknown-query-parameter", refused.Body.GetProperty("code").GetString());
        var message = Assert.Single(refused.Body.GetProperty("errors").GetProperty(wrong).EnumerateArray()).GetString();
        Assert.Contains($"did you mean `{nearest}`?", message, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Query_SeveralUnknownParameters_AreAllNamed()
    {
        var refused = await GetAsync(Factory.ClientFor(NewUser("bob"), "approver"), "/v1/grants?colour=red&size=9&page=1");

        AssertProblem(refused, HttpStatusCode.BadRequest);
        Assert.Equal(["colour", "size"], refused.Body.GetProperty("parameters").EnumerateArray().Select(static p => p.GetString()!).Order(StringComparer.Ordinal));
    }

    [SkippableTheory]
    [InlineData("/v1/access-requests?page=1&page=2", "page")]
    [InlineData("/v1/grants?status=Active&Status=Revoked", "status")]
    [InlineData("/v1/audit/events?actor=a&actor=b", "actor")]
    public async Task Query_SingleValuedParameterGivenTwice_Is400Repeated(string path, string name)
    {
        var refused = await GetAsync(Factory.ClientFor(NewUser("bob"), "approver"), path);

        AssertProblem(refused, HttpStatusCode.BadRequest);
        Assert.Equal("repeated-query-parameter", refused.Body.GetProperty("code").GetString());
        Assert.Equal(name, Assert.Single(refused.Body.GetProperty("parameters").EnumerateArray()).GetString(), ignoreCase: true);
    }

    [SkippableFact]
    public async Task Query_KnownParametersInAnyCaseAndAManyValuedOneRepeated_AreAccepted()
    {
        var bob = Factory.ClientFor(NewUser("bob"), "approver");

        var paged = await GetAsync(bob, "/v1/grants?PAGE=1&pagesize=5");
        var canI = await GetAsync(bob, "/v1/can-i?principal=arn:aws:iam::111122223333:role/data-engineer&action=s3:GetObject&resource=arn:aws:s3:::lake-x/a"
            + "&context=aws:SourceIp=10.0.0.1&context=aws:SecureTransport=true");

        Assert.Equal(HttpStatusCode.OK, paged.Status);
        Assert.Equal(5, paged.Body.GetProperty("pageSize").GetInt32());
        Assert.False(canI.Status == HttpStatusCode.BadRequest && canI.Body.GetProperty("code").GetString() is "repeated-query-parameter" or "unknown-query-parameter",
            canI.Body.ToString());
    }

    [SkippableFact]
    public async Task Query_UnknownParameterWithoutAToken_Is401NotTheParameterRule()
    {
        var anonymous = Factory.CreateClient();

        var response = await anonymous.GetAsync("/v1/grants?zzunknown=1");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [SkippableFact]
    public async Task Query_ConsolePagesAndHealth_KeepTheirOwnRules()
    {
        // Arrange: the console's audit page takes its own filters and ignores what it does not know.
        using var bob = await ConsoleClient.SignInAsync(Factory, NewUser("bob"), "approver");
        var anonymous = Factory.CreateClient();

        // Act
        var page = await bob.GetAsync("/audit?zzunknown=1&page=1&page=2");
        var health = await anonymous.GetAsync("/health/live?zzunknown=1");

        // Assert
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    private static string Fill(string pattern)
        => System.Text.RegularExpressions.Regex.Replace(pattern, @"\{[^}]+\}", Guid.NewGuid().ToString("D")).TrimEnd('/') is { Length: > 0 } p ? p : "/";

    /// <summary>The route as the document keys it: constraints dropped, no final slash.</summary>
    private static string Normalize(string pattern)
        => System.Text.RegularExpressions.Regex.Replace(pattern, @"\{([^}:]+)(:[^}]*)?\}", "{$1}").TrimEnd('/');
}
