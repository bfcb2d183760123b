using System.Net;
using System.Text.Json.Nodes;
using Governance.Api.Tests.Console.Infrastructure;
using Governance.Api.Tests.Infrastructure;

namespace Governance.Api.Tests.Console.Approvals;

/// <summary>
/// The approvers' queue and the request page through forms, as a browser without JavaScript uses them, on the policies
/// as filed for issue 14 (<see cref="FiledPolicies"/>: <c>iam-role-admin</c> on glue-etl needs two approvers because of
/// what its preview finds).
/// </summary>
public abstract class ApprovalsConsoleTests<TFixture>(TFixture fixture) : ApiTestBase<TFixture>(fixture)
    where TFixture : ApiFixture
{
    private const string GlueEtl = GlueEtlPolicies.Arn;

    private static object IamRoleAdminOnGlueEtl => RequestFor("iam-role-admin", GlueEtl, targetRole: "glue-etl", justification: "rotate the job's inline policy");

    [SkippableFact]
    public async Task The_queue_lists_pending_requests_oldest_first_with_what_an_approver_weighs()
    {
        // Arrange: two requests two minutes apart, and one already denied
        var alice = NewUser("alice");
        var api = Factory.ClientFor(alice, "engineer");
        var older = Id(await SubmitAsync(api, RequestFor("lake-write", "arn:aws:s3:::lake-queue/*", justification: "backfill of the orders table")));
        Factory.Time.Advance(TimeSpan.FromMinutes(2));
        var newer = Id(await SubmitAsync(api, IamRoleAdminOnGlueEtl));
        var denied = Id(await SubmitAsync(api, RequestFor("lake-write", "arn:aws:s3:::lake-denied/*")));
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(Factory.ClientFor(NewUser("dave"), "approver"), $"/v1/access-requests/{denied}/deny")).Status);
        using var bob = await ConsoleClient.SignInAsync(Factory, NewUser("bob"), "approver");

        // Act
        var queue = await bob.GetAsync("/approvals");

        // Assert
        Assert.Equal(HttpStatusCode.OK, queue.Status);
        var ids = queue.All("tr[data-request]").Select(static r => r.GetAttribute("data-request")).ToList();
        Assert.True(ids.IndexOf(older) >= 0 && ids.IndexOf(older) < ids.IndexOf(newer), $"older first: {string.Join(", ", ids)}");
        Assert.DoesNotContain(denied, ids);
        var first = Cells(queue, older);
        Assert.Equal(["lake-write", alice, "data-engineer", "arn:aws:s3:::lake-queue/*", "backfill of the orders table", "2 minutes ago", "0 of 1"], first[..7]);
        var second = Cells(queue, newer);
        Assert.Equal(["iam-role-admin", alice, "glue-etl", GlueEtl, "rotate the job's inline policy", "just now", "0 of 2"], second[..7]);
        Assert.Contains("High", second[7], StringComparison.Ordinal);
        Assert.Equal($"/requests/{older}", queue.One($"tr[data-request='{older}'] a").GetAttribute("href"));
    }

    [SkippableFact]
    public async Task The_queue_is_paged_by_the_API_rules_and_a_bad_page_is_named()
    {
        // Arrange
        var api = Factory.ClientFor(NewUser("alice"), "engineer");
        await SubmitAsync(api, RequestFor("lake-write", "arn:aws:s3:::lake-page-a/*"));
        await SubmitAsync(api, RequestFor("lake-write", "arn:aws:s3:::lake-page-b/*"));
        using var bob = await ConsoleClient.SignInAsync(Factory, NewUser("bob"), "approver");

        // Act
        var second = await bob.GetAsync("/approvals?page=2&pageSize=1");
        var bad = await bob.GetAsync("/approvals?page=0");
        var tooLarge = await bob.GetAsync("/approvals?pageSize=201");

        // Assert
        Assert.Single(second.All("tr[data-request]"));
        Assert.Equal("/approvals?page=1&pageSize=1", second.One("a[rel=prev]").GetAttribute("href"));
        Assert.Equal(HttpStatusCode.BadRequest, bad.Status);
        Assert.Contains("page: expected a whole number from 1", bad.Text("[role=alert]"), StringComparison.Ordinal);
        Assert.Contains("pageSize: expected a whole number from 1 to 200", tooLarge.Text("[role=alert]"), StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task An_engineer_has_no_queue_and_sees_another_engineers_request_as_not_found()
    {
        // Arrange
        var id = Id(await SubmitAsync(Factory.ClientFor(NewUser("alice"), "engineer"), RequestFor("lake-write", "arn:aws:s3:::lake-hidden/*")));
        using var eve = await ConsoleClient.SignInAsync(Factory, NewUser("eve"), "engineer");

        // Act
        var queue = await eve.GetAsync("/approvals");
        var page = await eve.GetAsync($"/requests/{id}");
        var unknown = await eve.GetAsync($"/requests/{Guid.NewGuid()}");
        var token = (await eve.GetAsync("/")).One("header form input[name=__csrf]").GetAttribute("value")!;
        var cancel = await eve.PostFormAsync($"/requests/{id}?handler=Cancel", [new("__csrf", token), new("Comment", "not mine")]);

        // Assert: the same answer for another's request as for none at all
        Assert.NotEqual(HttpStatusCode.OK, queue.Status);
        Assert.Empty(queue.All("[data-testid=queue]"));
        Assert.Equal(HttpStatusCode.NotFound, page.Status);
        Assert.Equal(HttpStatusCode.NotFound, unknown.Status);
        Assert.Equal(unknown.MainText, page.MainText);
        Assert.DoesNotContain("lake-hidden", page.Html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, cancel.Status);
        var read = await GetAsync(Factory.ClientFor(NewUser("bob"), "approver"), $"/v1/access-requests/{id}");
        Assert.Equal("Pending", read.Body.GetProperty("status").GetString());
    }

    [SkippableFact]
    public async Task The_requester_sees_their_request_with_cancel_and_without_the_decision_forms()
    {
        // Arrange
        var alice = NewUser("alice");
        var id = Id(await SubmitAsync(Factory.ClientFor(alice, "engineer"), RequestFor("lake-write", "arn:aws:s3:::lake-own/*")));
        using var console = await ConsoleClient.SignInAsync(Factory, alice, "engineer");

        // Act
        var page = await console.GetAsync($"/requests/{id}");
        var cancelled = await page.SubmitAsync("form#cancel", new Dictionary<string, string> { ["Comment"] = "no longer needed" });
        var after = await cancelled.FollowAsync();

        // Assert
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Empty(page.All("form#approve"));
        Assert.Empty(page.All("form#deny"));
        Assert.Equal(HttpStatusCode.Redirect, cancelled.Status);
        Assert.Equal("You cancelled the request.", after.Text("[data-testid=outcome]"));
        Assert.Equal("Cancelled", after.Text("[data-testid=status]"));
        Assert.Equal("no longer needed", after.Text("[data-testid=decision-comment]"));
        Assert.Empty(after.All("form#cancel"));
    }

    [SkippableFact]
    public async Task An_approver_cannot_decide_their_own_request_and_is_told_why()
    {
        // Arrange: an approver asks for access themselves
        var amy = NewUser("amy");
        var id = Id(await SubmitAsync(Factory.ClientFor(amy, "approver"), RequestFor("lake-write", "arn:aws:s3:::lake-self/*")));
        using var console = await ConsoleClient.SignInAsync(Factory, amy, "approver");
        var page = await console.GetAsync($"/requests/{id}");

        // Act: the disabled button posted anyway, as a crafted form would
        var refused = await page.SubmitAsync("form#approve", new Dictionary<string, string> { ["Comment"] = "fine by me" });

        // Assert
        Assert.Contains("a requester never decides their own request", page.Text("[data-testid=why-not-decide]"), StringComparison.Ordinal);
        Assert.True(page.One("form#approve button").HasAttribute("disabled"));
        Assert.True(page.One("form#deny button").HasAttribute("disabled"));
        Assert.Equal(HttpStatusCode.Forbidden, refused.Status);
        Assert.Contains("never decides their own request", refused.Text("[data-testid=refusal]"), StringComparison.Ordinal);
        Assert.Equal("Pending", refused.Text("[data-testid=status]"));
        Assert.Equal("0 of 1", refused.Text("[data-testid=approval-count]"));
    }

    [SkippableFact]
    public async Task An_engineer_posting_an_approval_is_refused()
    {
        // Arrange: an engineer's own page gives a form token; the approve handler is asked with it
        var alice = NewUser("alice");
        var id = Id(await SubmitAsync(Factory.ClientFor(alice, "engineer"), RequestFor("lake-write", "arn:aws:s3:::lake-engineer/*")));
        using var console = await ConsoleClient.SignInAsync(Factory, alice, "engineer");
        var page = await console.GetAsync($"/requests/{id}");
        var token = page.One("form#cancel input[name=__csrf]").GetAttribute("value")!;

        // Act
        var refused = await console.PostFormAsync($"/requests/{id}?handler=Approve", [new("__csrf", token), new("Comment", "mine")]);

        // Assert
        Assert.Equal(HttpStatusCode.Forbidden, refused.Status);
        Assert.Equal("Pending", (await console.GetAsync($"/requests/{id}")).Text("[data-testid=status]"));
    }

    [SkippableFact]
    public async Task Two_approvers_approve_a_request_that_needs_two()
    {
        // Arrange
        var alice = NewUser("alice");
        var id = Id(await SubmitAsync(Factory.ClientFor(alice, "engineer"), IamRoleAdminOnGlueEtl));
        using var bob = await ConsoleClient.SignInAsync(Factory, NewUser("bob"), "approver");
        using var dave = await ConsoleClient.SignInAsync(Factory, NewUser("dave"), "approver");
        string? grantId = null;

        try
        {
            // Act
            var bobPage = await bob.GetAsync($"/requests/{id}");
            var first = await (await bobPage.SubmitAsync("form#approve", new Dictionary<string, string> { ["Comment"] = "rotation is planned" })).FollowAsync();
            var davePage = await dave.GetAsync($"/requests/{id}");
            var second = await (await davePage.SubmitAsync("form#approve", new Dictionary<string, string> { ["Comment"] = "agreed" })).FollowAsync();
            grantId = second.Text("[data-testid=grant]");

            // Assert: the preview the approvers read is what the page shows; one approval leaves it pending
            Assert.Contains("iam:PutRolePolicy", bobPage.Text("[data-testid=actions-permissionsmanagement]"), StringComparison.Ordinal);
            Assert.Equal("0 of 2", bobPage.Text("[data-testid=approval-count]"));
            Assert.Equal("You approved the request. It has 1 of the 2 approvals it needs.", first.Text("[data-testid=outcome]"));
            Assert.Equal("Pending", first.Text("[data-testid=status]"));
            Assert.Contains("already approved", first.Text("[data-testid=why-not-approve]"), StringComparison.Ordinal);
            Assert.True(first.One("form#approve button").HasAttribute("disabled"));
            Assert.Equal("1 of 2", davePage.Text("[data-testid=approval-count]"));
            Assert.Equal("You approved the request. It is approved and its grant is active.", second.Text("[data-testid=outcome]"));
            Assert.Equal("Approved", second.Text("[data-testid=status]"));
            Assert.Equal(2, second.All("[data-testid=approvals] tbody tr").Count);
            var read = await GetAsync(Factory.ClientFor(alice, "engineer"), $"/v1/access-requests/{id}");
            Assert.Equal(grantId, read.Body.GetProperty("grantId").GetString());
        }
        finally
        {
            // glue-etl holds the access while the grant lasts: give it back, so that other tests' requests add something
            if (grantId is not null)
            {
                Assert.Equal(HttpStatusCode.OK, (await PostAsync(Factory.ClientFor(NewUser("carol"), "admin"), $"/v1/grants/{grantId}/revoke")).Status);
            }
        }
    }

    [SkippableFact]
    public async Task An_approval_on_a_preview_that_changed_shows_the_new_preview_to_review_again()
    {
        // Arrange: glue-etl holds iam:PutRolePolicy on itself for good, so the request does not add it; bob opens it
        var alice = NewUser("alice");
        await GlueEtlPolicies.AddAsync(Factory, GlueEtlPolicies.StandingPutRolePolicy);
        var id = Id(await SubmitAsync(Factory.ClientFor(alice, "engineer"), IamRoleAdminOnGlueEtl));
        using var bob = await ConsoleClient.SignInAsync(Factory, NewUser("bob"), "approver");
        var opened = await bob.GetAsync($"/requests/{id}");

        // Act: the standing policy goes, so the request now adds iam:PutRolePolicy; bob approves what he read
        await GlueEtlPolicies.RemoveAsync(Factory, "standing-put-role-policy");
        var conflict = await opened.SubmitAsync("form#approve", new Dictionary<string, string> { ["Comment"] = "ok" });
        var again = await conflict.SubmitAsync("form#approve", new Dictionary<string, string> { ["Comment"] = "ok, with iam:PutRolePolicy" });

        // Assert: shown, not swallowed; nothing recorded until he approves the new preview
        Assert.DoesNotContain("iam:PutRolePolicy", opened.Text("[data-testid=preview]"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, conflict.Status);
        Assert.Contains("the access this request adds changed since you opened it; review it again", conflict.Text("[role=alert]"), StringComparison.OrdinalIgnoreCase);
        Assert.Contains("iam:PutRolePolicy", conflict.Text("[data-testid=actions-permissionsmanagement]"), StringComparison.Ordinal);
        var oldVersion = opened.One("form#approve input[name=PreviewVersion]").GetAttribute("value");
        var newVersion = conflict.One("form#approve input[name=PreviewVersion]").GetAttribute("value");
        Assert.NotEqual(oldVersion, newVersion);
        Assert.Equal("0 of 2", conflict.Text("[data-testid=approval-count]"));
        Assert.Equal(HttpStatusCode.Redirect, again.Status);
        Assert.Equal("1 of 2", (await again.FollowAsync()).Text("[data-testid=approval-count]"));
    }

    [SkippableFact]
    public async Task An_approval_of_a_request_that_now_adds_nothing_is_refused_in_words_and_it_stays_pending()
    {
        // Arrange: submitted while it adds something; then glue-etl gets every action of the set for good
        var id = Id(await SubmitAsync(Factory.ClientFor(NewUser("alice"), "engineer"), IamRoleAdminOnGlueEtl));
        using var bob = await ConsoleClient.SignInAsync(Factory, NewUser("bob"), "approver");
        var opened = await bob.GetAsync($"/requests/{id}");
        await GlueEtlPolicies.AddAsync(Factory, new JsonObject
        {
            ["PolicyName"] = "standing-role-admin",
            ["PolicyDocument"] = JsonNode.Parse($$"""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["iam:*Role*"],"Resource":"{{GlueEtl}}"}]}"""),
        });

        try
        {
            // Act
            var refused = await opened.SubmitAsync("form#approve", new Dictionary<string, string> { ["Comment"] = "ok" });

            // Assert: the rule's reason, naming the standing policy; the page shows the nothing-added notice
            Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.Status);
            Assert.StartsWith("The request would add nothing now, so it cannot be approved", refused.Text("[role=alert]"), StringComparison.Ordinal);
            Assert.Contains("standing-role-admin", refused.Text("[data-testid=nothing-added]"), StringComparison.Ordinal);
            Assert.Equal("Pending", refused.Text("[data-testid=status]"));
            Assert.Empty(refused.All("[data-testid=approvals] tbody tr"));
        }
        finally
        {
            await GlueEtlPolicies.RemoveAsync(Factory, "standing-role-admin");
        }
    }

    [SkippableFact]
    public async Task When_the_risk_rose_after_an_approval_the_page_says_so_and_that_approval_stops_counting()
    {
        // Arrange: glue-etl holds iam:PutRolePolicy for good; bob approves the request without it
        await GlueEtlPolicies.AddAsync(Factory, GlueEtlPolicies.StandingPutRolePolicy);
        var id = Id(await SubmitAsync(Factory.ClientFor(NewUser("alice"), "engineer"), IamRoleAdminOnGlueEtl));
        using var bob = await ConsoleClient.SignInAsync(Factory, NewUser("bob"), "approver");
        using var dave = await ConsoleClient.SignInAsync(Factory, NewUser("dave"), "approver");
        var approvedByBob = await (await (await bob.GetAsync($"/requests/{id}")).SubmitAsync("form#approve")).FollowAsync();
        Assert.Equal("1 of 2", approvedByBob.Text("[data-testid=approval-count]"));

        // Act: the standing policy goes; dave reads the request, then approves it
        await GlueEtlPolicies.RemoveAsync(Factory, "standing-put-role-policy");
        var read = await dave.GetAsync($"/requests/{id}");
        var bobReads = await bob.GetAsync($"/requests/{id}");
        var approved = await (await read.SubmitAsync("form#approve")).FollowAsync();

        // Assert: the reader is told what rose, and bob's approval no longer counts, before and after dave's decision
        Assert.Contains("iam:PutRolePolicy", read.Text("[data-testid=risk-rose]"), StringComparison.Ordinal);
        Assert.Equal("0 of 2", read.Text("[data-testid=approval-count]"));
        Assert.Contains("No longer counts", read.Text("[data-testid=approvals] tbody tr"), StringComparison.Ordinal);
        Assert.False(bobReads.One("form#approve button").HasAttribute("disabled"), "bob's approval no longer counts, so he may approve again");
        Assert.True(approvedByBob.One("form#approve button").HasAttribute("disabled"), "before the rise his approval counted");
        Assert.Equal("1 of 2", approved.Text("[data-testid=approval-count]"));
        var rows = approved.All("[data-testid=approvals] tbody tr").Select(static r => r.TextContent).ToList();
        Assert.Contains("Superseded", rows[0], StringComparison.Ordinal);
        Assert.Contains("Counts", rows[1], StringComparison.Ordinal);
        Assert.Empty(approved.All("[data-testid=risk-rose]"));
    }

    [SkippableFact]
    public async Task A_decision_on_a_request_someone_else_decided_says_so()
    {
        // Arrange: bob opens the request; dave denies it meanwhile
        var id = Id(await SubmitAsync(Factory.ClientFor(NewUser("alice"), "engineer"), RequestFor("lake-write", "arn:aws:s3:::lake-raced/*")));
        using var bob = await ConsoleClient.SignInAsync(Factory, NewUser("bob"), "approver");
        var dave = NewUser("dave");
        var opened = await bob.GetAsync($"/requests/{id}");
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(Factory.ClientFor(dave, "approver"), $"/v1/access-requests/{id}/deny")).Status);

        // Act
        var late = await opened.SubmitAsync("form#approve");

        // Assert
        Assert.Equal(HttpStatusCode.Conflict, late.Status);
        Assert.Equal($"Someone else decided this request already: it is Denied (by {dave}). Your decision was not recorded.", late.Text("[role=alert]"));
        Assert.Equal("Denied", late.Text("[data-testid=status]"));
        Assert.Empty(late.All("form#approve"));
    }

    [SkippableFact]
    public async Task A_denial_with_a_comment_leaves_the_queue_and_joins_the_requesters_history()
    {
        // Arrange
        var alice = NewUser("alice");
        var api = Factory.ClientFor(alice, "engineer");
        var id = Id(await SubmitAsync(api, RequestFor("lake-write", "arn:aws:s3:::lake-freeze/*")));
        using var bob = await ConsoleClient.SignInAsync(Factory, NewUser("bob"), "approver");
        var page = await bob.GetAsync($"/requests/{id}");

        // Act
        var denied = await page.SubmitAsync("form#deny", new Dictionary<string, string> { ["Comment"] = "not during the release freeze" });
        var after = await denied.FollowAsync();
        Factory.Time.Advance(TimeSpan.FromSeconds(1));
        var next = Id(await SubmitAsync(api, RequestFor("lake-write", "arn:aws:s3:::lake-after/*")));
        var nextPage = await bob.GetAsync($"/requests/{next}");
        var queue = await bob.GetAsync("/approvals");

        // Assert
        Assert.Equal(HttpStatusCode.Redirect, denied.Status);
        Assert.Equal("You denied the request.", after.Text("[data-testid=outcome]"));
        Assert.Equal("Denied", after.Text("[data-testid=status]"));
        Assert.Equal("not during the release freeze", after.Text("[data-testid=decision-comment]"));
        Assert.Empty(queue.All($"tr[data-request='{id}']"));
        Assert.Single(queue.All($"tr[data-request='{next}']"));
        var history = nextPage.All("[data-testid=history-table] tbody tr");
        Assert.Single(history);
        Assert.Contains("Denied: not during the release freeze", string.Join(" ", history[0].TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)), StringComparison.Ordinal);
        Assert.Contains("2 requests in all, this one included: 0 approved, 1 denied", nextPage.Text("[data-testid=history-summary]"), StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task A_comment_the_rule_refuses_is_named_at_its_field_and_nothing_is_recorded()
    {
        // Arrange
        var id = Id(await SubmitAsync(Factory.ClientFor(NewUser("alice"), "engineer"), RequestFor("lake-write", "arn:aws:s3:::lake-comment/*")));
        using var bob = await ConsoleClient.SignInAsync(Factory, NewUser("bob"), "approver");
        var page = await bob.GetAsync($"/requests/{id}");

        // Act
        var refused = await page.SubmitAsync("form#deny", new Dictionary<string, string> { ["Comment"] = "bad\u0007bell" });

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.StartsWith("The comment ", refused.Text("#deny-comment-error"), StringComparison.Ordinal);
        Assert.Equal("Pending", refused.Text("[data-testid=status]"));
    }

    private static string Id(System.Text.Json.JsonElement request) => request.GetProperty("id").GetString()!;

    /// <summary>The cells of the queue's row for <paramref name="id"/>, as text.</summary>
    private static string[] Cells(ConsolePage queue, string id)
        => [.. queue.All($"tr[data-request='{id}'] th, tr[data-request='{id}'] td")
            .Select(static c => string.Join(' ', c.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)))];
}

/// <summary><see cref="ApprovalsConsoleTests{TFixture}"/> on SQLite.</summary>
public sealed class ApprovalsConsoleTests_Sqlite(FiledPoliciesSqliteFixture fixture)
    : ApprovalsConsoleTests<FiledPoliciesSqliteFixture>(fixture), IClassFixture<FiledPoliciesSqliteFixture>;

/// <summary><see cref="ApprovalsConsoleTests{TFixture}"/> on PostgreSQL.</summary>
public sealed class ApprovalsConsoleTests_Postgres(FiledPoliciesPostgresFixture fixture)
    : ApprovalsConsoleTests<FiledPoliciesPostgresFixture>(fixture), IClassFixture<FiledPoliciesPostgresFixture>;
