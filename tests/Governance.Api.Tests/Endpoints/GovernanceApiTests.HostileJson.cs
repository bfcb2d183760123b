using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CsCheck;
using TestSupport.Hostile;

namespace Governance.Api.Tests.Endpoints;

// Issue 15: request bodies that the JSON binder accepts but no string can hold, and other hostile bytes.
public abstract partial class GovernanceApiTests<TFixture>
{
    private const string SimulateCase = """
        {"id":"c1","request":{"principal":"arn:aws:iam::111122223333:user/a","action":"s3:GetObject","resource":"arn:aws:s3:::lake/k"},"identityPolicies":[{"name":"p","document":{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"s3:*","Resource":"*"}}}],"expected":"Allow"}
        """;

    [SkippableFact]
    public async Task Simulate_LoneSurrogateInACase_Returns400NamingThePlace()
    {
        // Arrange: before issue 15 this was a 500, the case reader throwing on the escape
        var alice = Factory.ClientFor(NewUser("alice"), "engineer");
        var body = "{\"cases\":[" + SimulateCase + "," + SimulateCase.Replace("\"c1\"", "\"c2\\ud800\"", StringComparison.Ordinal) + "]}";

        // Act
        var response = await alice.PostAsync("/v1/simulate", new StringContent(body, Encoding.UTF8, "application/json"));
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        // Assert
        AssertProblem(response, HttpStatusCode.BadRequest);
        var message = problem.GetProperty("errors").GetProperty("cases[1].id")[0].GetString();
        Assert.StartsWith("invalid escape: lone surrogate `\\ud800`", message, StringComparison.Ordinal);
        Assert.EndsWith("at line 1 column 299", message, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Simulate_InvalidUtf8InAString_Returns400NamingThePlace()
    {
        // Arrange: an overlong NUL (C0 80) inside the action; before issue 15 reading the case threw
        var alice = Factory.ClientFor(NewUser("alice"), "engineer");
        var at = SimulateCase.IndexOf("s3:GetObject", StringComparison.Ordinal);
        byte[] body = [.. Encoding.UTF8.GetBytes(SimulateCase[..at]), 0xC0, 0x80, .. Encoding.UTF8.GetBytes(SimulateCase[at..])];

        // Act
        var response = await alice.PostAsync("/v1/simulate", Json(body));
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        // Assert
        AssertProblem(response, HttpStatusCode.BadRequest);
        var message = problem.GetProperty("errors").GetProperty("body")[0].GetString();
        Assert.Contains("invalid UTF-8: byte `0xC0`", message, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Create_LoneSurrogateInJustification_Returns400NamingTheField()
    {
        // Arrange
        var alice = Factory.ClientFor(NewUser("alice"), "engineer");
        const string body = """{"permissionSet":"lake-read","resources":["arn:aws:s3:::lake-x/*"],"targetRole":"data-engineer","justification":"\udc00","durationHours":8}""";

        // Act
        var response = await alice.PostAsync("/v1/access-requests", new StringContent(body, Encoding.UTF8, "application/json"));
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        // Assert
        AssertProblem(response, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("justification", out _), problem.ToString());
    }

    [SkippableTheory]
    [InlineData("a\\u0000b")]
    [InlineData("line\\u001bforged")]
    public async Task Create_ControlCharacterInJustification_Returns400NamingTheFieldNotAServerError(string justification)
    {
        // Arrange: PostgreSQL refuses NUL in text, which was a 500 there; an escape character would replay on a console
        var alice = Factory.ClientFor(NewUser("alice"), "engineer");
        var body = $$"""{"permissionSet":"lake-read","resources":["arn:aws:s3:::lake-x/*"],"targetRole":"data-engineer","justification":"{{justification}}","durationHours":8}""";

        // Act
        var response = await alice.PostAsync("/v1/access-requests", new StringContent(body, Encoding.UTF8, "application/json"));
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        // Assert
        AssertProblem(response, HttpStatusCode.BadRequest);
        Assert.Contains("control character", problem.GetProperty("errors").GetProperty("justification")[0].GetString(), StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Simulate_HostileBodies_AreAnswered200Or400NeverAServerError()
    {
        // Arrange: hostile bytes spliced into a valid case, drawn once and sent one after the other
        var alice = Factory.ClientFor(NewUser("alice"), "engineer");
        byte[][] bodies = [];
        HostileJson.Around(Encoding.UTF8.GetBytes(SimulateCase)).Array[150].Sample(drawn => bodies = drawn, iter: 1);
        var deep = Encoding.UTF8.GetBytes("{\"cases\":" + new string('[', 100_000) + new string(']', 100_000) + "}");

        foreach (var body in bodies.Append(deep))
        {
            // Act
            var response = await alice.PostAsync("/v1/simulate", Json(body));

            // Assert
            Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.BadRequest,
                $"{(int)response.StatusCode} for {Convert.ToHexString(body.AsSpan(0, Math.Min(body.Length, 400)))}");
            if (response.StatusCode == HttpStatusCode.BadRequest)
            {
                AssertProblem(response, HttpStatusCode.BadRequest);
            }
        }
    }

    [SkippableFact]
    public async Task Create_HostileBodies_AreAnsweredWithoutAServerError()
    {
        // Arrange: hostile bytes spliced into a valid submission; a valid one may still be accepted (201)
        var alice = Factory.ClientFor(NewUser("alice"), "engineer");
        const string valid = """{"permissionSet":"lake-read","resources":["arn:aws:s3:::lake-x/*"],"targetRole":"data-engineer","justification":"read","durationHours":8}""";
        byte[][] bodies = [];
        HostileJson.Around(Encoding.UTF8.GetBytes(valid)).Array[100].Sample(drawn => bodies = drawn, iter: 1);

        foreach (var body in bodies)
        {
            // Act
            var response = await alice.PostAsync("/v1/access-requests", Json(body));

            // Assert
            Assert.True((int)response.StatusCode < 500, $"{(int)response.StatusCode} for {Convert.ToHexString(body.AsSpan(0, Math.Min(body.Length, 400)))}");
            if (response.StatusCode == HttpStatusCode.BadRequest)
            {
                AssertProblem(response, HttpStatusCode.BadRequest);
            }
        }
    }

    private static ByteArrayContent Json(byte[] body)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return content;
    }
}
