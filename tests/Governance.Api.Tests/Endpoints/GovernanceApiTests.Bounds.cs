using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Governance.Core.Drift.Records;
using Governance.Core.Results;
using Governance.Core.Risk;

namespace Governance.Api.Tests.Endpoints;

/// <summary>What one request may make the service do or store: body caps, field limits, strict types, and the headers every answer carries (issue 15).</summary>
public abstract partial class GovernanceApiTests<TFixture>
{
    [SkippableFact]
    public async Task Cancel_BodyLargerThanTheCap_Returns413ProblemAndStoresNothing()
    {
        // Arrange: the 20 MB comment of the issue, stored three times before; 1 MB is enough to pass the 64 KB cap
        var alice = Factory.ClientFor(NewUser("alice"), "engineer");
        var id = (await SubmitAsync(alice, LakeWrite("arn:aws:s3:::lake-cap/*"))).GetProperty("id").GetString();

        // Act
        var response = await alice.PostAsJsonAsync($"/v1/access-requests/{id}/cancel", new { comment = new string('x', 1 << 20) });
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        var after = await GetAsync(alice, $"/v1/access-requests/{id}");

        // Assert
        AssertProblem(response, HttpStatusCode.RequestEntityTooLarge);
        Assert.Equal(ProblemCodes.BodyTooLarge, problem.GetProperty("code").GetString());
        Assert.Equal(64 * 1024, problem.GetProperty("limitBytes").GetInt64());
        Assert.Equal("Pending", after.Body.GetProperty("status").GetString());
    }

    [SkippableFact]
    public async Task Submit_ChunkedBodyLargerThanTheCap_Returns413Problem()
    {
        // Arrange: no Content-Length, so the cap applies while the body is read
        var alice = Factory.ClientFor(NewUser("alice"), "engineer");
        var json = JsonSerializer.SerializeToUtf8Bytes(new
        {
            permissionSet = "lake-write",
            resources = new[] { "arn:aws:s3:::lake-x/*" },
            targetRole = "data-engineer",
            justification = new string('j', 200_000),
            durationHours = 1,
        });
        using var content = new StreamContent(new UnknownLengthStream(json));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");

        // Act
        var response = await alice.PostAsync("/v1/access-requests", content);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        // Assert
        AssertProblem(response, HttpStatusCode.RequestEntityTooLarge);
        Assert.Equal(ProblemCodes.BodyTooLarge, problem.GetProperty("code").GetString());
    }

    [SkippableFact]
    public async Task Simulate_BodyOverItsOwnCap_Returns413_AndAResourceLongerThanAnArn_Returns400NamingTheRequest()
    {
        // Arrange
        var alice = Factory.ClientFor(NewUser("alice"), "engineer");
        var huge = OneCasePerDecision()[0].DeepClone().AsObject();
        huge["description"] = new string('d', 2 << 20);
        var longResource = OneCasePerDecision()[0].DeepClone().AsObject();
        longResource["request"]!["resource"] = "arn:aws:s3:::lake-raw/" + new string('a', 3000);

        // Act
        var tooLarge = await alice.PostAsync("/v1/simulate", JsonContent.Create(huge));
        var tooLong = await alice.PostAsync("/v1/simulate", JsonContent.Create(new { cases = new[] { OneCasePerDecision()[1], longResource } }));
        var problem = await tooLong.Content.ReadFromJsonAsync<JsonElement>();

        // Assert
        AssertProblem(tooLarge, HttpStatusCode.RequestEntityTooLarge);
        AssertProblem(tooLong, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("cases[1].request", out var message), problem.ToString());
        Assert.Contains("2048", message[0].GetString(), StringComparison.Ordinal);
    }

    [SkippableTheory]
    [InlineData("identityPolicies", 10_240)]
    [InlineData("serviceControlPolicies", 5_120)]
    [InlineData("sessionPolicy", 2_048)]
    public async Task Simulate_PolicyOverItsAwsQuota_Returns400NamingThePolicy(string kind, int quota)
    {
        // Arrange: one statement whose Resource list makes the document just over the kind's quota, white space not counted
        var alice = Factory.ClientFor(NewUser("alice"), "engineer");
        var resources = Enumerable.Range(0, quota / 20).Select(static i => $"arn:aws:s3:::b{i:D6}/*").ToArray();
        var document = new JsonObject
        {
            ["Version"] = "2012-10-17",
            ["Statement"] = new JsonArray(new JsonObject { ["Effect"] = "Allow", ["Action"] = "s3:GetObject", ["Resource"] = new JsonArray([.. resources.Select(static r => (JsonNode)r)]) }),
        };
        var policy = new JsonObject { ["name"] = "big", ["document"] = document };
        var testCase = OneCasePerDecision()[0].DeepClone().AsObject();
        var fits = OneCasePerDecision()[0].DeepClone().AsObject();
        testCase[kind] = kind switch
        {
            "identityPolicies" => new JsonArray(policy),
            "serviceControlPolicies" => new JsonArray(new JsonArray(policy)),
            _ => policy,
        };

        // Act
        var response = await alice.PostAsync("/v1/simulate", JsonContent.Create(new { cases = new[] { fits, testCase } }));
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        // Assert
        AssertProblem(response, HttpStatusCode.BadRequest);
        var field = problem.GetProperty("errors").EnumerateObject().Single();
        Assert.StartsWith($"cases[1].{kind}", field.Name, StringComparison.Ordinal);
        Assert.Contains($"at most {quota}", field.Value[0].GetString(), StringComparison.Ordinal);
    }

    [SkippableTheory]
    [InlineData("cancel")]
    [InlineData("deny")]
    public async Task Decide_CommentOverTheLimitOrWithNul_Returns400NamingComment(string decision)
    {
        // Arrange: 5,000 characters fit the body cap but not the column
        var alice = Factory.ClientFor(NewUser("alice"), "engineer");
        var bob = Factory.ClientFor(NewUser("bob"), "approver");
        var id = (await SubmitAsync(alice, LakeWrite($"arn:aws:s3:::lake-comment-{decision}/*"))).GetProperty("id").GetString();
        var decider = decision == "cancel" ? alice : bob;

        // Act
        var tooLong = await PostAsync(decider, $"/v1/access-requests/{id}/{decision}", new { comment = new string('c', 5000) });
        var nul = await PostAsync(decider, $"/v1/access-requests/{id}/{decision}", new { comment = "ok\0forged" });
        var after = await GetAsync(alice, $"/v1/access-requests/{id}");

        // Assert
        AssertProblem(tooLong, HttpStatusCode.BadRequest);
        Assert.Contains("4000", tooLong.Body.GetProperty("errors").GetProperty("comment")[0].GetString(), StringComparison.Ordinal);
        AssertProblem(nul, HttpStatusCode.BadRequest);
        Assert.True(nul.Body.GetProperty("errors").TryGetProperty("comment", out _));
        Assert.Equal("Pending", after.Body.GetProperty("status").GetString());
    }

    [SkippableFact]
    public async Task Revoke_CommentOverTheLimit_Returns400NamingCommentAndTheGrantStaysActive()
    {
        // Arrange
        var alice = Factory.ClientFor(NewUser("alice"), "engineer");
        var bob = Factory.ClientFor(NewUser("bob"), "approver");
        var id = (await SubmitAsync(alice, LakeWrite("arn:aws:s3:::lake-revoke-comment/*"))).GetProperty("id").GetString();
        var approved = await ApproveAsync(bob, id);
        var grantId = approved.Body.GetProperty("grantId").GetString();

        // Act
        var revoked = await PostAsync(alice, $"/v1/grants/{grantId}/revoke", new { comment = new string('c', 4001) });
        var grant = await GetAsync(alice, $"/v1/grants/{grantId}");

        // Assert
        AssertProblem(revoked, HttpStatusCode.BadRequest);
        Assert.True(revoked.Body.GetProperty("errors").TryGetProperty("comment", out _));
        Assert.Equal("Active", grant.Body.GetProperty("status").GetString());
    }

    [SkippableTheory]
    [InlineData("/v1/access-requests?status=Pending,Approved", "status")]
    [InlineData("/v1/access-requests?status=1", "status")]
    [InlineData("/v1/grants?status=Active,Revoked", "status")]
    [InlineData("/v1/grants?targetRole=data-engineer%00", "targetRole")]
    [InlineData("/v1/can-i?principal=data-engineer%0Aforged&action=s3:GetObject&resource=arn:aws:s3:::lake-x/a", "principal")]
    [InlineData("/v1/can-i?principal=data-engineer&action=s3:GetObject&resource=arn:aws:s3:::lake-x/a%22b", "resource")]
    [InlineData("/v1/can-i?principal=data-engineer&action=s3:GetObject&resource=arn:aws:s3:::lake-x/a&context=aws:SourceArn=a%00b", "context")]
    public async Task Query_NotOneStatusOrNotAnArn_Returns400NamingTheField(string path, string field)
    {
        // Arrange
        var bob = Factory.ClientFor(NewUser("bob"), "approver");

        // Act
        var result = await GetAsync(bob, path);

        // Assert
        AssertProblem(result, HttpStatusCode.BadRequest);
        Assert.True(result.Body.GetProperty("errors").TryGetProperty(field, out _), result.Body.ToString());
    }

    [SkippableFact]
    public async Task CanI_ResourceLongerThanAnArn_Returns400NamingResource()
    {
        // Arrange
        var bob = Factory.ClientFor(NewUser("bob"), "approver");

        // Act
        var result = await GetAsync(bob, $"/v1/can-i?principal=data-engineer&action=s3:GetObject&resource=arn:aws:s3:::lake-x/{new string('a', 2100)}");

        // Assert
        AssertProblem(result, HttpStatusCode.BadRequest);
        Assert.Contains("2048", result.Body.GetProperty("errors").GetProperty("resource")[0].GetString(), StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Answers_JsonProblemAndHealth_CarryNoSniffNoStoreAndCsp()
    {
        // Arrange
        var alice = Factory.ClientFor(NewUser("alice"), "engineer");
        var anonymous = Factory.CreateClient();

        // Act
        var responses = new[]
        {
            await alice.GetAsync("/v1/permission-sets"),
            await alice.GetAsync("/v1/access-requests?status=Maybe"),
            await anonymous.GetAsync("/v1/grants"),
            await anonymous.GetAsync("/health/live"),
        };

        // Assert
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.BadRequest, HttpStatusCode.Unauthorized, HttpStatusCode.OK], responses.Select(static r => r.StatusCode));
        foreach (var response in responses)
        {
            Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
            Assert.True(response.Headers.CacheControl?.NoStore, $"{response.RequestMessage!.RequestUri}: no-store");
            Assert.Contains("default-src 'none'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        }
    }

    [SkippableFact]
    public async Task Report_Html_ServedUnderACspItsStylesSatisfy()
    {
        // Arrange
        var factory = Factory;
        var report = new DriftReport(Guid.NewGuid(), new DateTimeOffset(2032, 5, 1, 3, 0, 0, TimeSpan.Zero), [], null, [], DriftBaseline.Empty);
        await using (var db = Fixture.Database.CreateContext())
        {
            await new DriftReportRepository(db).AddAsync(report, CancellationToken.None);
        }
        var bob = factory.ClientFor(NewUser("bob"), "approver");

        // Act
        var response = await bob.GetAsync($"/v1/audit/reports/{report.Id}?format=html");
        var html = await response.Content.ReadAsStringAsync();

        // Assert: the policy lets the inline <style> and style attributes apply, and the page loads nothing it would block
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("default-src 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("style-src 'unsafe-inline'", csp, StringComparison.Ordinal);
        Assert.Contains("<style>", html, StringComparison.Ordinal);
        foreach (var blocked in new[] { "<script", "src=", "href=", "url(", "@import", "<link" })
        {
            Assert.DoesNotContain(blocked, html, StringComparison.OrdinalIgnoreCase);
        }
    }

    [SkippableFact]
    public async Task Report_HtmlWithFindings_ItsOneScriptIsTheOneTheCspAllows()
    {
        // Arrange
        var factory = Factory;
        var report = new DriftReport(Guid.NewGuid(), new DateTimeOffset(2032, 5, 2, 3, 0, 0, TimeSpan.Zero),
            [new DriftFinding(DriftKind.UnmanagedPrincipal, "arn:aws:iam::111122223333:role/x", RiskSeverity.Medium, "role `x` <script>alert(1)</script>")],
            null, [], DriftBaseline.Empty);
        await using (var db = Fixture.Database.CreateContext())
        {
            await new DriftReportRepository(db).AddAsync(report, CancellationToken.None);
        }
        var bob = factory.ClientFor(NewUser("bob"), "approver");

        // Act
        var response = await bob.GetAsync($"/v1/audit/reports/{report.Id}?format=html");
        var html = await response.Content.ReadAsStringAsync();

        // Assert: the policy's script-src is exactly the hash of the served script's text, computed here from the page
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        var start = html.IndexOf("<script>", StringComparison.Ordinal) + "<script>".Length;
        var script = html[start..html.IndexOf("</script>", start, StringComparison.Ordinal)];
        var hash = Convert.ToBase64String(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(script)));
        Assert.Equal($"script-src 'sha256-{hash}'", csp.Split(';').Select(static d => d.Trim()).Single(static d => d.StartsWith("script-src", StringComparison.Ordinal)));
        Assert.Equal(html.IndexOf("<script", StringComparison.Ordinal), html.LastIndexOf("<script", StringComparison.Ordinal));
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Workflow_FilesTheServiceCreated_AreTheOwnersAlone()
    {
        Skip.If(OperatingSystem.IsWindows(), "file modes are POSIX");
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        // Arrange
        var alice = Factory.ClientFor(NewUser("alice"), "engineer");
        var bob = Factory.ClientFor(NewUser("bob"), "approver");

        // Act: a submission and an approval write the database (and SQLite its -wal and -shm) and the account copy
        var id = (await SubmitAsync(alice, LakeWrite("arn:aws:s3:::lake-modes/*"))).GetProperty("id").GetString();
        Assert.Equal(HttpStatusCode.OK, (await ApproveAsync(bob, id)).Status);

        // Assert
        const UnixFileMode groupOrOthers = UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute
            | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;
        var files = Directory.GetFiles(Fixture.DataDirectory, "*", SearchOption.AllDirectories);
        Assert.NotEmpty(files);
        var open = new List<string>();
        foreach (var file in files)
        {
            if ((File.GetUnixFileMode(file) & groupOrOthers) != 0)
            {
                open.Add($"{Path.GetFileName(file)}: {File.GetUnixFileMode(file)}");
            }
        }
        Assert.Empty(open);
    }

    /// <summary>A body whose length the client does not know, so that it is sent chunked.</summary>
    private sealed class UnknownLengthStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}
