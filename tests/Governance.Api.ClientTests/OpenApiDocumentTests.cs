using System.Text.Json.Nodes;
using Governance.Api.ClientTests.Infrastructure;
using Governance.Core.Results;
using TestSupport.Paths;

namespace Governance.Api.ClientTests;

/// <summary>The document the service serves is the committed contract the client is generated from, and says what the contract needs.</summary>
public sealed class OpenApiDocumentTests(ContractService service) : IClassFixture<ContractService>
{
    /// <summary>Set to 1 to write the served document over the committed one (after an intended change of the API).</summary>
    private const string WriteVariable = "IAMGOV_WRITE_OPENAPI";

    private static string RepositoryCopy => Path.Combine(RepositoryPaths.Root, "src", "Governance.Api", "OpenApi", "governance.v1.json");

    [Fact]
    public async Task Served_EqualsTheCommittedDocument()
    {
        // Arrange
        using var alice = service.ClientFor("alice", "engineer");

        // Act
        var served = await alice.GetStringAsync("/openapi/v1.json");
        if (Environment.GetEnvironmentVariable(WriteVariable) == "1")
        {
            await File.WriteAllTextAsync(RepositoryCopy, served.ReplaceLineEndings("\n") + "\n");
        }
        var committed = await File.ReadAllTextAsync(RepositoryCopy);

        // Assert
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(served), JsonNode.Parse(committed)),
            $"the served OpenAPI document differs from {Path.GetRelativePath(RepositoryPaths.Root, RepositoryCopy)}, which clients are generated from. "
            + $"If the API change is intended, write it with `{WriteVariable}=1 dotnet test tests/Governance.Api.ClientTests --filter Served_EqualsTheCommittedDocument`, "
            + "review the diff and commit the file");
    }

    [Fact]
    public void Committed_EveryOperation_HasAnIdSecurityAndProblemAnswers()
    {
        // Arrange
        var document = ContractDocument.Committed.Root;
        var operations = ((JsonObject)document["paths"]!)
            .SelectMany(static p => ((JsonObject)p.Value!).Select(o => (Path: p.Key, Method: o.Key, Operation: (JsonObject)o.Value!)))
            .ToList();

        // Act
        var ids = operations.Select(static o => o.Operation["operationId"]?.GetValue<string>()).ToList();
        var api = operations.Where(static o => o.Path.StartsWith("/v1/", StringComparison.Ordinal)).ToList();
        var codes = document["components"]!["schemas"]!["ProblemDetails"]!["properties"]!["code"]!["enum"]!.AsArray().Select(static c => c!.GetValue<string>());

        // Assert
        Assert.Equal("3.0.4", document["openapi"]!.GetValue<string>());
        Assert.All(ids, static id => Assert.Matches("^[A-Z][A-Za-z]+$", id));
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.All(api, static o =>
        {
            Assert.Equal("bearer", ((JsonObject)o.Operation["security"]![0]!).Single().Key);
            Assert.NotNull(o.Operation["responses"]!["401"]!["headers"]!["WWW-Authenticate"]);
            Assert.NotNull(o.Operation["responses"]!["429"]!["headers"]!["Retry-After"]);
            foreach (var (status, response) in (JsonObject)o.Operation["responses"]!)
            {
                if (status[0] is '4' or '5')
                {
                    Assert.Equal("#/components/schemas/ProblemDetails", response!["content"]!["application/problem+json"]!["schema"]!["$ref"]!.GetValue<string>());
                }
            }
        });
        Assert.All(operations.Where(static o => o.Path.StartsWith("/health/", StringComparison.Ordinal)), static o => Assert.Empty(o.Operation["security"]!.AsArray()));
        Assert.Contains(ProblemCodes.TokenExpired, codes);
        Assert.Contains(ProblemCodes.PreviewChanged, codes);
    }

    [Fact]
    public async Task Integers_AreIntegersInTheDocument_AndTheServiceRefusesTheirStringForm()
    {
        // Arrange
        var integers = Schemas(ContractDocument.Committed.Root)
            .Where(static s => s["format"]?.GetValue<string>() is "int32" or "int64")
            .ToList();
        using var alice = service.ClientFor("dana", "engineer");
        using var body = new StringContent(
            """{"permissionSet":"lake-write","resources":["arn:aws:s3:::lake-x/*"],"targetRole":"data-engineer","justification":"backfill","durationHours":"8"}""",
            System.Text.Encoding.UTF8, "application/json");

        // Act
        var response = await alice.PostAsync("/v1/access-requests", body);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        // Assert
        Assert.NotEmpty(integers);
        Assert.All(integers, static s =>
        {
            Assert.Equal("integer", s["type"]?.GetValue<string>());
            Assert.Null(s["pattern"]);
        });
        Assert.Equal(400, (int)response.StatusCode);
        Assert.Equal(ProblemCodes.ValidationFailed, problem["code"]?.GetValue<string>());
        Assert.NotNull(problem["errors"]?["durationHours"]);
    }

    /// <summary>Every object of the document that has a <c>type</c> or a <c>format</c>: its schemas, wherever they are.</summary>
    private static IEnumerable<JsonObject> Schemas(JsonNode? node) => node switch
    {
        JsonObject obj => (obj["type"] is JsonValue || obj["format"] is JsonValue ? [obj] : Enumerable.Empty<JsonObject>())
            .Concat(obj.SelectMany(static p => Schemas(p.Value))),
        JsonArray array => array.SelectMany(Schemas),
        _ => [],
    };
}
