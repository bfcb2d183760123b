using System.Net.Http.Json;
using System.Text.Json;
using Governance.Core.AuditTrail;
using Governance.Core.Formats;

namespace Governance.Api.Tests.Endpoints;

/// <summary>The audit events' answer carries states as JSON objects, and still lets a verifier recompute every hash.</summary>
public abstract partial class GovernanceApiTests<TFixture>
{
    [SkippableFact]
    public async Task AuditEvents_Answer_StatesAreObjectsAndEveryHashRecomputesFromTheAnswer()
    {
        // Arrange: a request decided, so events with a before and an after exist.
        var bob = Factory.ClientFor(NewUser("bob"), "approver");
        var id = (await SubmitAsync(Factory.ClientFor(NewUser("alice"), "engineer"), LakeWrite($"arn:aws:s3:::lake-aev-{Guid.NewGuid():N}"[..32] + "/*", hours: 1)))
            .GetProperty("id").GetString();
        await PostAsync(bob, $"/v1/access-requests/{id}/deny", new { comment = "no" });

        // Act
        var page = await bob.GetFromJsonAsync<JsonElement>($"/v1/audit/events?requestId={id}");
        var verify = await bob.GetFromJsonAsync<JsonElement>("/v1/audit/verify");

        // Assert
        var events = page.GetProperty("items").EnumerateArray().ToList();
        Assert.Contains(events, static e => e.GetProperty("before").ValueKind == JsonValueKind.Object);
        Assert.All(events, static e => Assert.Equal(JsonValueKind.Object, e.GetProperty("after").ValueKind));
        foreach (var e in events)
        {
            Assert.True(UtcTimestamp.TryParseExact(e.GetProperty("occurredAt").GetString(), out var at), e.ToString());
            Assert.True(AuditStateText.TryRead(e.GetProperty("before"), out var before));
            Assert.True(AuditStateText.TryRead(e.GetProperty("after"), out var after));
            var rebuilt = new AuditEvent(e.GetProperty("sequence").GetInt64(), at, e.GetProperty("actor").GetString()!, e.GetProperty("action").GetString()!,
                e.GetProperty("requestId").ValueKind == JsonValueKind.Null ? null : e.GetProperty("requestId").GetGuid(),
                e.GetProperty("grantId").ValueKind == JsonValueKind.Null ? null : e.GetProperty("grantId").GetGuid(),
                before, after, e.GetProperty("previousHash").GetString()!);
            Assert.Equal(e.GetProperty("hash").GetString(), rebuilt.Hash);
        }
        Assert.True(verify.GetProperty("valid").GetBoolean(), verify.ToString());
    }
}
