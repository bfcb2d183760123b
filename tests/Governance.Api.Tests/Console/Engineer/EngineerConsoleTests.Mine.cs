using System.Net;
using System.Text.Json;
using Governance.Api.Tests.Console.Infrastructure;

namespace Governance.Api.Tests.Console.Engineer;

public abstract partial class EngineerConsoleTests<TFixture>
{
    [SkippableFact]
    public async Task MyRequests_ListsOnlyOwnRequests_NewestFirst_Paged()
    {
        var user = NewUser("alice");
        var api = Factory.ClientFor(user, "engineer");
        var older = Id(await SubmitAsync(api, LakeWrite($"arn:aws:s3:::{NewBucket("lake-old")}/*")));
        Factory.Time.Advance(TimeSpan.FromMinutes(1));
        var newer = Id(await SubmitAsync(api, LakeWrite($"arn:aws:s3:::{NewBucket("lake-new")}/*")));
        var others = Id(await SubmitAsync(Factory.ClientFor(NewUser("carl"), "engineer"), LakeWrite($"arn:aws:s3:::{NewBucket("lake-oth")}/*")));
        using var alice = await ConsoleClient.SignInAsync(Factory, user, "engineer");

        var first = await alice.GetAsync("/my-requests?pageSize=1");
        var second = await alice.GetAsync("/my-requests?page=2&pageSize=1");
        var all = await alice.GetAsync("/my-requests");

        Assert.Equal([newer], first.All("tr[data-request]").Select(static r => r.GetAttribute("data-request")));
        Assert.Equal([older], second.All("tr[data-request]").Select(static r => r.GetAttribute("data-request")));
        Assert.Equal([newer, older], all.All("tr[data-request]").Select(static r => r.GetAttribute("data-request")));
        Assert.DoesNotContain(others, all.Html, StringComparison.Ordinal);
        Assert.Equal($"/requests/{newer}", all.One($"tr[data-request='{newer}'] a").GetAttribute("href"));
        Assert.Equal("Pending", all.Text($"tr[data-request='{newer}'] .badge"));
        Assert.NotEmpty(first.All("a[rel=next]"));
        Assert.Empty(second.All("a[rel=next]"));
    }

    [SkippableFact]
    public async Task MyRequests_CancelAPendingRequest_CancelsItAsTheApiDoes()
    {
        var user = NewUser("alice");
        var api = Factory.ClientFor(user, "engineer");
        var id = Id(await SubmitAsync(api, LakeWrite($"arn:aws:s3:::{NewBucket("lake-can")}/*")));
        using var alice = await ConsoleClient.SignInAsync(Factory, user, "engineer");
        var list = await alice.GetAsync("/my-requests");

        var cancelled = await list.SubmitAsync($"tr[data-request='{id}'] form.cancel");

        Assert.Equal(HttpStatusCode.Redirect, cancelled.Status);
        var after = await cancelled.FollowAsync();
        Assert.Contains("cancelled", after.Text("[role=status]"), StringComparison.Ordinal);
        Assert.Equal("Cancelled", after.Text($"tr[data-request='{id}'] .badge"));
        Assert.Empty(after.All($"tr[data-request='{id}'] form.cancel"));
        using var read = JsonDocument.Parse(await (await api.GetAsync($"/v1/access-requests/{id}")).Content.ReadAsStringAsync());
        Assert.Equal("Cancelled", read.RootElement.GetProperty("status").GetString());
    }

    [SkippableFact]
    public async Task MyRequests_CancellingSomeoneElsesRequest_IsNotFound_AndLeavesItPending()
    {
        // The cancel rule is the API's: a request the caller may not see is not found (RequestAccessRules).
        var carl = Factory.ClientFor(NewUser("carl"), "engineer");
        var theirs = Id(await SubmitAsync(carl, LakeWrite($"arn:aws:s3:::{NewBucket("lake-crl")}/*")));
        using var alice = await ConsoleClient.SignInAsync(Factory, NewUser("alice"), "engineer");
        var list = await alice.GetAsync("/my-requests");
        var token = list.One("header form input[name=__csrf]").GetAttribute("value")!;

        var refused = await alice.PostFormAsync($"/my-requests?handler=Cancel&id={theirs}", [new("__csrf", token)]);

        Assert.Equal(HttpStatusCode.NotFound, refused.Status);
        using var read = JsonDocument.Parse(await (await carl.GetAsync($"/v1/access-requests/{theirs}")).Content.ReadAsStringAsync());
        Assert.Equal("Pending", read.RootElement.GetProperty("status").GetString());
    }

    [SkippableFact]
    public async Task MyGrants_ShowsTimeLeftOnTheServiceClock_AndEndNowRevokesTheGrant()
    {
        // Approved through the API by an approver who read the preview (If-Match), as approvers do.
        var user = NewUser("alice");
        var api = Factory.ClientFor(user, "engineer");
        var id = Id(await SubmitAsync(api, LakeWrite($"arn:aws:s3:::{NewBucket("lake-grt")}/*", hours: 4)));
        var approved = await ApproveAsync(Factory.ClientFor(NewUser("bob"), "approver"), id);
        Assert.Equal(HttpStatusCode.OK, approved.Status);
        var grantId = approved.Body.GetProperty("grantId").GetString()!;
        Factory.Time.Advance(TimeSpan.FromMinutes(90));
        using var alice = await ConsoleClient.SignInAsync(Factory, user, "engineer");

        var grants = await alice.GetAsync("/my-grants");
        Assert.Equal("2 h 30 min left", grants.Text($"#active tr[data-grant='{grantId}'] .remaining"));
        Assert.Contains("data-engineer", grants.Text($"#active tr[data-grant='{grantId}']"), StringComparison.Ordinal);
        var ended = await grants.SubmitAsync($"#active tr[data-grant='{grantId}'] form.end");

        Assert.Equal(HttpStatusCode.Redirect, ended.Status);
        var after = await ended.FollowAsync();
        Assert.Empty(after.All($"#active tr[data-grant='{grantId}']"));
        Assert.Equal("Revoked", after.Text($"#ended tr[data-grant='{grantId}'] .badge"));
        using var read = JsonDocument.Parse(await (await api.GetAsync($"/v1/grants/{grantId}")).Content.ReadAsStringAsync());
        Assert.Equal("Revoked", read.RootElement.GetProperty("status").GetString());
        Assert.Equal(user, read.RootElement.GetProperty("endedBy").GetString());
    }

    [SkippableFact]
    public async Task MyGrants_EndingSomeoneElsesGrant_IsNotFound()
    {
        var carl = NewUser("carl");
        var id = Id(await SubmitAsync(Factory.ClientFor(carl, "engineer"), LakeWrite($"arn:aws:s3:::{NewBucket("lake-gcr")}/*")));
        var grantId = (await ApproveAsync(Factory.ClientFor(NewUser("bob"), "approver"), id)).Body.GetProperty("grantId").GetString()!;
        using var alice = await ConsoleClient.SignInAsync(Factory, NewUser("alice"), "engineer");
        var page = await alice.GetAsync("/my-grants");
        var token = page.One("header form input[name=__csrf]").GetAttribute("value")!;

        var refused = await alice.PostFormAsync($"/my-grants?handler=End&id={grantId}", [new("__csrf", token)]);

        Assert.Equal(HttpStatusCode.NotFound, refused.Status);
        Assert.DoesNotContain(grantId, page.Html, StringComparison.Ordinal);
    }
}
