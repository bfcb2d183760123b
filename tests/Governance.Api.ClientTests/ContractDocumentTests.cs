using Governance.Api.ClientTests.Infrastructure;

namespace Governance.Api.ClientTests;

/// <summary>The schema check the story's answers go through finds an answer that breaks the document.</summary>
public sealed class ContractDocumentTests
{
    private static readonly Guid Id = Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e");

    [Theory]
    [InlineData("""{"type":"urn:iamgov:problem:grant-not-found","title":"Not found","status":404,"code":"grant-not-found"}""", true)]
    [InlineData("""{"type":"urn:iamgov:problem:grant-gone","title":"Not found","status":404,"code":"grant-gone"}""", false)]
    [InlineData("""{"type":"urn:iamgov:problem:grant-not-found","title":"Not found","status":"404","code":"grant-not-found"}""", false)]
    [InlineData("""{"title":"Not found","status":404}""", false)]
    public void Check_ProblemAnswer_MatchesOnlyWhenItKeepsTheSchema(string body, bool matches)
    {
        // Act
        var problems = ContractDocument.Committed.Check(new RecordedExchange(HttpMethod.Get, $"/v1/grants/{Id}", 404, "application/problem+json", body));

        // Assert
        Assert.Equal(matches, problems.Count == 0);
    }

    [Fact]
    public void Check_StatusTheOperationDoesNotDeclare_IsReported()
    {
        // Act
        var problems = ContractDocument.Committed.Check(new RecordedExchange(HttpMethod.Get, "/v1/permission-sets", 404, "application/problem+json", "{}"));

        // Assert
        Assert.Contains(problems, static p => p.Contains("ListPermissionSets declares no 404", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("2026-12-04T19:44:36.123456Z", true)]
    [InlineData("2026-12-04T19:44:36.123Z", false)]
    [InlineData("yesterday", false)]
    public void Check_TimeMember_IsCheckedAsTheOneTimeForm(string startsAt, bool matches)
    {
        // Arrange: a page of one grant, whose other members keep the schema
        var body = $$"""
            {"items":[{"id":"{{Id}}","requestId":"{{Id}}","requester":"alice","permissionSet":"lake-read","targetRole":"data-engineer",
            "targetRoleArn":"arn:aws:iam::111122223333:role/data-engineer","policyName":"grant-x","policy":{},"status":"Active",
            "startsAt":"{{startsAt}}","endsAt":"2026-12-04T23:44:36.123456Z","endedAt":null,"endedBy":null,"endComment":null}],"page":1,"pageSize":50,"total":1}
            """;

        // Act
        var problems = ContractDocument.Committed.Check(new RecordedExchange(HttpMethod.Get, "/v1/grants", 200, "application/json", body));

        // Assert
        Assert.True(matches == (problems.Count == 0), string.Join("\n", problems));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Check_401WithoutItsChallenge_IsReported(bool challenged)
    {
        // Arrange
        const string Body = """{"type":"urn:iamgov:problem:token-missing","title":"The token is not accepted","status":401,"code":"token-missing"}""";
        var headers = challenged ? new HashSet<string>(["WWW-Authenticate"], StringComparer.OrdinalIgnoreCase) : [];

        // Act
        var problems = ContractDocument.Committed.Check(new RecordedExchange(HttpMethod.Get, "/v1/grants", 401, "application/problem+json", Body, headers));

        // Assert
        Assert.Equal(challenged, problems.Count == 0);
    }
}
