using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Governance.Api.Tests.Infrastructure;

namespace Governance.Api.Tests.Endpoints;

/// <summary>One time form on every answer: every string of every JSON answer of a whole workflow that looks like a time is exactly it.</summary>
public abstract partial class GovernanceApiTests<TFixture>
{
    /// <summary>
    /// Anything that starts like a date and a time of day, in any form: the candidates. A date alone is a day, not a
    /// moment (a policy's <c>Version</c>, an exclusion's expiry day), and keeps its form.
    /// </summary>
    private static readonly Regex LooksLikeTime = new(@"^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}", RegexOptions.CultureInvariant);

    /// <summary>The one form: UTC, six fractional digits, <c>Z</c>. Written here, not taken from the code under test.</summary>
    private static readonly Regex OneTimeForm = new(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$", RegexOptions.CultureInvariant);

    [SkippableFact]
    public async Task Times_EveryJsonAnswerOfAWholeWorkflow_UseTheOneForm()
    {
        // Arrange: every call goes through a recorder; the clock is set to a time with seven fractional digits and an
        // odd tick, so that any other rendering (seven digits, milliseconds, an offset) shows.
        var recorded = new ConcurrentQueue<(string Method, string Path, string MediaType, string Body)>();
        HttpClient As(string subject, params string[] roles)
        {
            var client = Factory.CreateDefaultClient(new RecordingHandler(recorded));
            client.DefaultRequestHeaders.Authorization = new("Bearer", TestTokens.Valid(Factory.SigningKey, subject, roles));
            return client;
        }
        var now = Factory.Time.GetUtcNow();
        Factory.Time.Advance(TimeSpan.FromTicks(TimeSpan.TicksPerSecond - (now.Ticks % TimeSpan.TicksPerSecond) + 1_234_567));
        var aliceId = NewUser("alice");
        var alice = As(aliceId, "engineer");
        var bob = As(NewUser("bob"), "approver");
        var carol = As(NewUser("carol"), "admin", "approver");

        // Act: the workflow, every /v1 endpoint at least once.
        var first = await alice.PostAsJsonAsync("/v1/access-requests", LakeWrite($"arn:aws:s3:::lake-tf-{Guid.NewGuid():N}"[..31] + "/*", hours: 1));
        var firstId = (await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        var second = await alice.PostAsJsonAsync("/v1/access-requests", LakeWrite($"arn:aws:s3:::lake-tf-{Guid.NewGuid():N}"[..31] + "/*", hours: 1));
        var secondId = (await second.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        var third = await alice.PostAsJsonAsync("/v1/access-requests", LakeWrite($"arn:aws:s3:::lake-tf-{Guid.NewGuid():N}"[..31] + "/*", hours: 1));
        var thirdId = (await third.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        await alice.GetAsync("/v1/permission-sets");
        await alice.GetAsync($"/v1/access-requests?requester={aliceId}");
        await bob.GetAsync($"/v1/access-requests/{firstId}");
        var approved = await ApproveAsync(bob, firstId);
        var grantId = approved.Body.GetProperty("grantId").GetString();
        await bob.PostAsJsonAsync($"/v1/access-requests/{secondId}/deny", new { comment = "not now" });
        await alice.PostAsJsonAsync($"/v1/access-requests/{thirdId}/cancel", new { comment = "done" });
        await alice.GetAsync("/v1/grants");
        await alice.GetAsync($"/v1/grants/{grantId}");
        await alice.PostAsJsonAsync($"/v1/grants/{grantId}/credentials", new { });
        await bob.PostAsJsonAsync($"/v1/grants/{grantId}/revoke", new { comment = "finished" });
        await alice.GetAsync("/v1/can-i?principal=data-engineer&action=s3:GetObject&resource=arn:aws:s3:::lake-x/a");
        await alice.GetAsync("/v1/organization");
        await alice.PostAsJsonAsync("/v1/simulate", new { cases = OneCasePerDecision() });
        var run = await carol.PostAsync("/v1/audit/reports", null);
        await bob.GetAsync("/v1/audit/reports");
        await bob.GetAsync(run.Headers.Location!.OriginalString);
        await carol.PostAsync("/v1/audit/checkpoints", null);
        await bob.GetAsync("/v1/audit/checkpoints?pageSize=200");
        await bob.GetAsync("/v1/audit/events?pageSize=200");
        await bob.GetAsync($"/v1/audit/events?requestId={firstId}&from=2000-01-01T00:00:00%2B02:00");
        await bob.GetAsync("/v1/audit/export");
        await bob.GetAsync("/v1/audit/verify");
        await alice.GetAsync("/v1/audit/public-key");
        await alice.GetAsync("/v1/grants?zzunknown=1");

        // Assert: every /v1 endpoint answered, and no time in any answer has another form.
        var called = recorded.Select(static r => $"{r.Method} {Regex.Replace(r.Path, "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "{id}")}")
            .ToHashSet(StringComparer.Ordinal);
        var missed = V1Endpoints().Select(static e => $"{e.Method} {Normalize(e.Endpoint.RoutePattern.RawText!)}").Where(e => !called.Contains(e)).ToList();
        Assert.True(missed.Count == 0, $"endpoints the workflow did not call: {string.Join(", ", missed)}");
        var times = new List<string>();
        var wrong = new List<string>();
        foreach (var (method, path, mediaType, body) in recorded)
        {
            var documents = mediaType == "application/x-ndjson" ? body.Split('\n', StringSplitOptions.RemoveEmptyEntries) : [body];
            foreach (var document in documents)
            {
                if (!mediaType.EndsWith("json", StringComparison.Ordinal))
                {
                    continue;
                }
                foreach (var text in Strings(JsonDocument.Parse(document).RootElement).Where(static s => LooksLikeTime.IsMatch(s)))
                {
                    times.Add(text);
                    if (!OneTimeForm.IsMatch(text))
                    {
                        wrong.Add($"{method} {path}: `{text}`");
                    }
                }
            }
        }
        Assert.True(times.Count >= 30, $"the workflow's answers hold times to check; found {times.Count}");
        Assert.Contains(times, static t => t.EndsWith(".123456Z", StringComparison.Ordinal));
        Assert.True(wrong.Count == 0, "times in another form:\n" + string.Join("\n", wrong.Distinct()));
    }

    [SkippableFact]
    public async Task Times_OpenApiDocument_DescribesEachTimeAsAStringInTheOneForm()
    {
        // Arrange
        var document = JsonDocument.Parse(await Factory.ClientFor(NewUser("mia"), "engineer").GetStringAsync("/openapi/v1.json")).RootElement;
        var schemas = document.GetProperty("components").GetProperty("schemas");

        // Act
        var occurredAt = schemas.GetProperty("AuditEventDto").GetProperty("properties").GetProperty("occurredAt");
        var decidedAt = schemas.GetProperty("AccessRequestDto").GetProperty("properties").GetProperty("decidedAt");

        // Assert
        Assert.Equal("string", occurredAt.GetProperty("type").GetString());
        Assert.Equal("date-time", occurredAt.GetProperty("format").GetString());
        Assert.Matches(occurredAt.GetProperty("pattern").GetString()!, "2026-12-04T19:23:02.123456Z");
        Assert.DoesNotMatch(occurredAt.GetProperty("pattern").GetString()!, "2026-12-04T19:23:02.1234567+00:00");
        // OpenAPI 3.0 (the document's version, OpenApiSetup): a nullable time is a string marked nullable.
        Assert.Equal("string", decidedAt.GetProperty("type").GetString());
        Assert.True(decidedAt.GetProperty("nullable").GetBoolean(), "a time that may be absent is nullable");
    }

    /// <summary>
    /// Every string value of a JSON document, at any depth, except an IAM policy's <c>Condition</c> values: those are
    /// AWS's language (a grant ends with <c>DateLessThan aws:CurrentTime</c> in seconds), written for IAM, not answers' times.
    /// </summary>
    private static IEnumerable<string> Strings(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => [element.GetString()!],
        JsonValueKind.Object => element.EnumerateObject().Where(static p => p.Name != "Condition").SelectMany(static p => Strings(p.Value)),
        JsonValueKind.Array => element.EnumerateArray().SelectMany(Strings),
        _ => [],
    };

    /// <summary>Keeps each answer's method, path, media type and body.</summary>
    private sealed class RecordingHandler(ConcurrentQueue<(string, string, string, string)> recorded) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken);
            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            recorded.Enqueue((request.Method.Method, request.RequestUri!.AbsolutePath.TrimEnd('/'), response.Content.Headers.ContentType?.MediaType ?? string.Empty,
                Encoding.UTF8.GetString(body)));
            return response;
        }
    }
}
