using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using TestSupport.Paths;

namespace Governance.Api.Tests.Endpoints;

public abstract partial class GovernanceApiTests<TFixture>
{
    private static readonly Lazy<JsonObject[]> EdgeCases = new(() => [.. File.ReadLines(TestData.Path("conformance", "edge-cases.jsonl"))
        .Where(static l => l.Length > 0)
        .Select(static l => JsonNode.Parse(l)!.AsObject())]);

    /// <summary>The first corpus case expecting each decision, so one batch covers all three.</summary>
    private static JsonObject[] OneCasePerDecision() => [.. new[] { "Allow", "ExplicitDeny", "ImplicitDeny" }
        .Select(d => EdgeCases.Value.First(c => (string?)c["expected"] == d))];

    [SkippableFact]
    public async Task Simulate_OneCorpusCase_ReturnsExpectedDecisionWithExplanation()
    {
        // Arrange
        var alice = Factory.ClientFor(NewUser("alice"), "engineer");
        var testCase = OneCasePerDecision()[1];

        // Act
        var response = await alice.PostAsync("/v1/simulate", JsonContent.Create(testCase));
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal((string?)testCase["id"], body.GetProperty("id").GetString());
        Assert.Equal("ExplicitDeny", body.GetProperty("decision").GetString());
        Assert.True(body.GetProperty("matchesExpected").GetBoolean());
        Assert.True(body.GetProperty("explanation").GetProperty("decidingStatements").GetArrayLength() > 0, "an explicit deny names its statement");
    }

    [SkippableFact]
    public async Task Simulate_Batch_ReturnsOneResultPerCaseInOrder()
    {
        // Arrange
        var alice = Factory.ClientFor(NewUser("alice"), "engineer");
        var cases = OneCasePerDecision();

        // Act
        var response = await alice.PostAsJsonAsync("/v1/simulate", new { cases });
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var results = body.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(cases.Select(c => (string?)c["id"]), results.Select(r => r.GetProperty("id").GetString()));
        Assert.Equal(["Allow", "ExplicitDeny", "ImplicitDeny"], results.Select(r => r.GetProperty("decision").GetString()));
        Assert.All(results, r => Assert.True(r.GetProperty("matchesExpected").GetBoolean()));
    }

    [SkippableFact]
    public async Task Simulate_CaseWithoutRequest_Returns400NamingTheCase()
    {
        // Arrange
        var alice = Factory.ClientFor(NewUser("alice"), "engineer");

        // Act
        var response = await alice.PostAsJsonAsync("/v1/simulate", new { cases = new object[] { OneCasePerDecision()[0], new { id = "broken" } } });
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();

        // Assert
        AssertProblem(response, HttpStatusCode.BadRequest);
        Assert.True(body.GetProperty("errors").TryGetProperty("cases[1]", out _), body.ToString());
    }
}
