using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Governance.Api.Tests.Infrastructure;
using Governance.Core.Workflow.Grants;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Http;
using TestSupport.Paths;

namespace Governance.Api.Tests.Telemetry;

/// <summary>
/// <c>/metrics</c> after a workflow the test drives through the API: the counts it caused, exactly, as Prometheus text;
/// refused to non-admins; served without authentication on the metrics port only.
/// </summary>
[Collection(SerialCollection.Name)]
public sealed class MetricsTests : ApiTestBase<MetricsTests.MetricsFixture>, IClassFixture<MetricsTests.MetricsFixture>
{
    /// <summary>The metrics port; the in-memory server listens on none, so a request is given it as its local port.</summary>
    private const int MetricsPort = 9464;

    public MetricsTests(MetricsFixture fixture)
        : base(fixture)
    {
    }

    [SkippableFact]
    public async Task Metrics_AfterAWorkflow_CountsWhatTheWorkflowDid()
    {
        // Arrange: five requests; two approved (one of them revoked), one denied, one left pending, one whose grant AWS refuses
        var alice = Factory.ClientFor(NewUser("alice"), "engineer");
        var bob = Factory.ClientFor(NewUser("bob"), "approver");
        var admin = Factory.ClientFor(NewUser("root"), "admin");
        // Counters are compared with a scrape taken before, as the class's other tests ask questions too; gauges are absolute.
        var before = await ScrapeAsync(admin);
        var ids = new List<string>();
        foreach (var bucket in new[] { "lake-metrics-a", "lake-metrics-b", "lake-metrics-c", "lake-metrics-d", RefusingProvisioner.RefusedBucket })
        {
            ids.Add((await SubmitAsync(alice, LakeWrite($"arn:aws:s3:::{bucket}/*"))).GetProperty("id").GetString()!);
        }
        Assert.Equal(HttpStatusCode.OK, (await ApproveAsync(bob, ids[0])).Status);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(bob, $"/v1/access-requests/{ids[1]}/deny")).Status);
        var revoked = await ApproveAsync(bob, ids[3]);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(bob, $"/v1/grants/{revoked.Body.GetProperty("grantId").GetString()}/revoke")).Status);
        var refused = await ApproveAsync(bob, ids[4]);
        Assert.False(refused.Status == HttpStatusCode.OK, "the refusing provisioner fails the approval");
        foreach (var action in new[] { "s3:GetObject", "s3:PutObject", "s3:DeleteObject" })
        {
            Assert.Equal(HttpStatusCode.OK, (await GetAsync(alice, $"/v1/can-i?principal=data-engineer&action={action}&resource=arn:aws:s3:::lake-metrics-a/x")).Status);
        }
        Assert.Equal(HttpStatusCode.BadRequest, (await GetAsync(alice, "/v1/can-i?principal=data-engineer&resource=arn:aws:s3:::lake-metrics-a/x")).Status);
        var cases = File.ReadLines(TestData.Path("conformance", "edge-cases.jsonl")).Where(static l => l.Length > 0).Take(2).Select(static l => JsonNode.Parse(l)).ToArray();
        Assert.Equal(HttpStatusCode.OK, (await alice.PostAsync("/v1/simulate", JsonContent.Create(new JsonObject { ["cases"] = new JsonArray(cases) }))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync("/v1/audit/checkpoints", null)).StatusCode);
        var drift = await admin.PostAsync("/v1/audit/reports", null);
        Assert.Equal(HttpStatusCode.Created, drift.StatusCode);
        var report = await drift.Content.ReadFromJsonAsync<JsonElement>();
        Factory.Time.Advance(TimeSpan.FromMinutes(10));

        // Act
        var response = await admin.GetAsync("/metrics");
        var metrics = PrometheusText.Parse(await response.Content.ReadAsStringAsync());
        double? Added(string name, params (string, string)[] labels) => metrics.Value(name, labels) - (before.Value(name, labels) ?? 0);

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(5, Added("governance_requests_submitted_total"));
        Assert.Equal(2, Added("governance_requests_decided_total", ("governance_request_outcome", "approved")));
        Assert.Equal(1, Added("governance_requests_decided_total", ("governance_request_outcome", "denied")));
        Assert.Equal(1, Added("governance_grants_provisioning_failures_total", ("governance_provisioning_operation", "provision")));
        Assert.Equal(2, metrics.Value("governance_requests_pending"));
        Assert.Equal(600, metrics.Value("governance_requests_pending_oldest_age_seconds"));
        Assert.Equal(1, metrics.Value("governance_grants_active"));
        Assert.InRange(metrics.Value("governance_audit_checkpoint_age_seconds") ?? -1, 600, 600.001); // checkpoints keep whole microseconds
        Assert.Equal(3, Added("governance_engine_decisions_total", ("governance_question", "can_i")));
        Assert.Equal(3, Added("governance_engine_decision_duration_seconds_count", ("governance_question", "can_i")));
        Assert.Equal(2, Added("governance_engine_decisions_total", ("governance_question", "simulate")));
        Assert.True(Added("governance_engine_decisions_total", ("governance_question", "preview")) >= 5, "each submission asks the engine for its preview");
        Assert.Equal(1, Added("governance_drift_runs_total"));
        foreach (var severity in new[] { "critical", "high", "medium", "low" })
        {
            Assert.Equal(report.GetProperty(severity).GetInt32(), metrics.Value("governance_drift_findings", ("governance_finding_severity", severity)));
        }
        Assert.Equal(3, Added("http_server_request_duration_seconds_count", ("http_route", "/v1/can-i/"), ("http_response_status_code", "200")));
        Assert.Equal(1, Added("http_server_request_duration_seconds_count", ("http_route", "/v1/can-i/"), ("http_response_status_code", "400")));
    }

    [SkippableFact]
    public async Task Metrics_WithoutTheAdminRole_ReturnsProblem()
    {
        // Arrange
        var engineer = Factory.ClientFor(NewUser("erin"), "engineer");
        var anonymous = Factory.CreateClient();

        // Act
        var forbidden = await engineer.GetAsync("/metrics");
        var unauthenticated = await anonymous.GetAsync("/metrics");

        // Assert
        AssertProblem(forbidden, HttpStatusCode.Forbidden);
        AssertProblem(unauthenticated, HttpStatusCode.Unauthorized);
        Assert.DoesNotContain("governance_", await forbidden.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Metrics_OnTheMetricsPort_ServedWithoutAuthenticationAndNothingElse()
    {
        // Arrange: one engine question, so that the service's own metrics have a value to show
        var alice = Factory.ClientFor(NewUser("alice"), "engineer");
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(alice, "/v1/can-i?principal=data-engineer&action=s3:GetObject&resource=arn:aws:s3:::lake-x/y")).Status);

        // Act
        var metrics = await OnPortAsync(MetricsPort, "/metrics");
        var api = await OnPortAsync(MetricsPort, "/v1/permission-sets");
        var otherPort = await OnPortAsync(MetricsPort + 1, "/metrics");

        // Assert
        Assert.Equal(StatusCodes.Status200OK, metrics.Response.StatusCode);
        Assert.Contains("# TYPE governance_engine_decisions_total counter", metrics.Body, StringComparison.Ordinal);
        Assert.Equal(StatusCodes.Status404NotFound, api.Response.StatusCode);
        Assert.Equal(StatusCodes.Status401Unauthorized, otherPort.Response.StatusCode);
    }

    private static async Task<PrometheusText> ScrapeAsync(HttpClient admin)
    {
        var response = await admin.GetAsync("/metrics");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return PrometheusText.Parse(await response.Content.ReadAsStringAsync());
    }

    /// <summary>A request without credentials that arrived on local port <paramref name="port"/>; the Host header names another.</summary>
    private async Task<(HttpResponse Response, string Body)> OnPortAsync(int port, string path)
    {
        var context = await Factory.Server.SendAsync(c =>
        {
            c.Request.Method = HttpMethods.Get;
            c.Request.Path = path;
            c.Request.Host = new HostString("localhost", 443);
            c.Connection.LocalPort = port;
        });
        using var reader = new StreamReader(context.Response.Body);
        return (context.Response, await reader.ReadToEndAsync());
    }

    /// <summary>The service on SQLite with the metrics port set and a provisioner that AWS refuses for one bucket.</summary>
    public sealed class MetricsFixture : ApiFixture
    {
        public MetricsFixture() => Database = TestDatabase.Sqlite(DataDirectory);

        public override TestDatabase Database { get; }

        protected override void Configure(IWebHostBuilder builder)
        {
            builder.UseSetting("Governance:Telemetry:MetricsPort", MetricsPort.ToString(System.Globalization.CultureInfo.InvariantCulture));
            builder.ConfigureTestServices(static services =>
            {
                services.AddScoped<IGrantProvisioner>(static sp => new RefusingProvisioner(ActivatorUtilities.CreateInstance<SnapshotGrantProvisioner>(sp)));
                // Scrapes a moment apart must not share the exporter's cached answer.
                services.Configure<OpenTelemetry.Exporter.PrometheusAspNetCoreOptions>(static o => o.ScrapeResponseCacheDurationMilliseconds = 0);
            });
        }
    }
}
