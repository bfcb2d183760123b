using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Governance.Api.Contracts;
using Governance.Api.Endpoints;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using TestSupport.Paths;

namespace Governance.Api.Tests.Endpoints;

/// <summary>Every list has one documented, total order, the same on both databases, and pages never repeat or skip an item.</summary>
public abstract partial class GovernanceApiTests<TFixture>
{
    [SkippableFact]
    public async Task ListOrder_RequestsCreatedAtTheSameTime_TieBreakByIdDescendingStableAcrossPages()
    {
        // Arrange: the clock does not move between the submissions, so every createdAt is equal.
        var alice = NewUser("alice");
        var client = Factory.ClientFor(alice, "engineer");
        for (var i = 0; i < 5; i++)
        {
            await SubmitAsync(client, LakeWrite($"arn:aws:s3:::lake-ord-{Guid.NewGuid():N}"[..32] + "/*", hours: 1));
        }

        // Act
        var paged = await AllPagesAsync(client, $"/v1/access-requests?requester={alice}", pageSize: 2);
        var whole = await AllPagesAsync(client, $"/v1/access-requests?requester={alice}", pageSize: 50);

        // Assert
        Assert.Equal(5, paged.Count);
        Assert.Single(paged.Select(static r => r.GetProperty("createdAt").GetString()).Distinct());
        var ids = paged.Select(static r => r.GetProperty("id").GetString()!).ToList();
        Assert.Equal(ids.Order(StringComparer.Ordinal).Reverse(), ids);
        Assert.Equal(whole.Select(static r => r.GetProperty("id").GetString()), ids);
    }

    [SkippableFact]
    public async Task ListOrder_GrantsStartedAtTheSameTime_TieBreakByIdDescendingStableAcrossPages()
    {
        // Arrange: three requests approved without the clock moving start three grants at the same time.
        var alice = NewUser("alice");
        var client = Factory.ClientFor(alice, "engineer");
        var bob = Factory.ClientFor(NewUser("bob"), "approver");
        var grants = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var id = (await SubmitAsync(client, LakeWrite($"arn:aws:s3:::lake-ogr-{Guid.NewGuid():N}"[..32] + "/*", hours: 1))).GetProperty("id").GetString();
            grants.Add((await ApproveAsync(bob, id)).Body.GetProperty("grantId").GetString()!);
        }

        // Act
        var paged = await AllPagesAsync(client, $"/v1/grants?requester={alice}", pageSize: 1);
        foreach (var grant in grants)
        {
            await PostAsync(bob, $"/v1/grants/{grant}/revoke");
        }

        // Assert
        Assert.Single(paged.Select(static g => g.GetProperty("startsAt").GetString()).Distinct());
        var ids = paged.Select(static g => g.GetProperty("id").GetString()!).ToList();
        Assert.Equal(grants.Order(StringComparer.Ordinal).Reverse(), ids);
    }

    [SkippableFact]
    public async Task ListOrder_ReportsRunAtTheSameTime_NewestFirstThenIdDescendingAcrossPages()
    {
        // Arrange: three runs without the clock moving.
        var admin = Factory.ClientFor(NewUser("carol"), "admin");
        var ran = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var response = await admin.PostAsync("/v1/audit/reports", null);
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            ran.Add((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!);
        }

        // Act
        var paged = await AllPagesAsync(admin, "/v1/audit/reports", pageSize: 2);
        var whole = await AllPagesAsync(admin, "/v1/audit/reports", pageSize: 200);

        // Assert: the whole list follows the rule, and the runs of this test are adjacent, ids descending.
        var keys = paged.Select(static r => (At: r.GetProperty("ranAt").GetString()!, Id: r.GetProperty("id").GetString()!)).ToList();
        var expected = keys.OrderByDescending(static k => k.At, StringComparer.Ordinal).ThenByDescending(static k => k.Id, StringComparer.Ordinal);
        Assert.Equal(expected, keys);
        Assert.Equal(whole.Select(static r => r.GetProperty("id").GetString()), keys.Select(static k => k.Id));
        var ours = keys.Where(k => ran.Contains(k.Id)).Select(static k => k.Id).ToList();
        Assert.Equal(ran.Order(StringComparer.Ordinal).Reverse(), ours);
        Assert.Single(paged.Where(r => ran.Contains(r.GetProperty("id").GetString()!)).Select(static r => r.GetProperty("ranAt").GetString()).Distinct());
    }

    [SkippableFact]
    public async Task ListOrder_AuditEvents_SequenceAscendingAcrossPages()
    {
        var bob = Factory.ClientFor(NewUser("bob"), "approver");
        await SubmitAsync(Factory.ClientFor(NewUser("alice"), "engineer"), LakeWrite($"arn:aws:s3:::lake-oev-{Guid.NewGuid():N}"[..32] + "/*", hours: 1));

        var paged = await AllPagesAsync(bob, "/v1/audit/events", pageSize: 7);

        var sequences = paged.Select(static e => e.GetProperty("sequence").GetInt64()).ToList();
        Assert.Equal(Enumerable.Range(1, sequences.Count).Select(static s => (long)s), sequences);
    }

    [SkippableFact]
    public void ListOrder_EveryListEndpoint_StatesItsOrderInTheReadme()
    {
        // Arrange: a list is an endpoint whose 200 answer is a page or an array.
        var readme = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "README.md"));
        var lists = Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(static e => e.Metadata.OfType<IProducesResponseTypeMetadata>().Any(static p => p.StatusCode == 200 && p.Type is { } t
                && ((t.IsGenericType && t.GetGenericTypeDefinition() == typeof(PageDto<>)) || t.IsArray
                    || (t.IsGenericType && t.GetGenericTypeDefinition() == typeof(IReadOnlyList<>)))))
            .ToList();

        // Act
        var unordered = lists.Where(static e => e.Metadata.GetMetadata<ListOrderAttribute>() is null).Select(static e => e.RoutePattern.RawText).ToList();
        var undocumented = lists.Select(static e => (Row: $"| `GET {e.RoutePattern.RawText!.TrimEnd('/')}` | {e.Metadata.GetMetadata<ListOrderAttribute>()?.Order} |", e))
            .Where(r => !readme.Contains(r.Row, StringComparison.Ordinal)).Select(static r => r.Row).ToList();

        // Assert
        Assert.True(lists.Count >= 6, $"found {lists.Count} list endpoints");
        Assert.True(unordered.Count == 0, $"lists without a stated order: {string.Join(", ", unordered)}");
        Assert.True(undocumented.Count == 0, $"README rows missing:\n{string.Join("\n", undocumented)}");
    }

    [SkippableFact]
    public async Task ListOrder_OpenApiDocument_DescribesEachListsOrder()
    {
        var document = JsonDocument.Parse(await Factory.ClientFor(NewUser("mia"), "engineer").GetStringAsync("/openapi/v1.json")).RootElement;

        var description = document.GetProperty("paths").GetProperty("/v1/grants").GetProperty("get").GetProperty("description").GetString();

        Assert.Contains($"Order: {ListOrders.Grants}.", description, StringComparison.Ordinal);
    }

    /// <summary>Every item of a paged list, page after page, as a client walks it.</summary>
    private static async Task<List<JsonElement>> AllPagesAsync(HttpClient client, string path, int pageSize)
    {
        var items = new List<JsonElement>();
        for (var page = 1; ; page++)
        {
            var separator = path.Contains('?', StringComparison.Ordinal) ? '&' : '?';
            var body = await client.GetFromJsonAsync<JsonElement>($"{path}{separator}page={page}&pageSize={pageSize}");
            var onPage = body.GetProperty("items").EnumerateArray().ToList();
            items.AddRange(onPage);
            if (onPage.Count < pageSize || items.Count >= body.GetProperty("total").GetInt32())
            {
                return items;
            }
        }
    }
}
