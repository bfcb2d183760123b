using System.Data.Common;
using System.Net.Http.Json;
using System.Text.Json;
using Governance.Api.Tests.Infrastructure;
using Governance.Core.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Governance.Api.Tests.Audit;

/// <summary>Tampering with the audit table directly in the database; in a class of its own because it breaks the chain.</summary>
public abstract class AuditTamperTests<TFixture>(TFixture fixture)
    where TFixture : ApiFixture
{
    [SkippableFact]
    public async Task Verify_RowTamperedInDatabase_FailsAtThatRow()
    {
        // Arrange
        Skip.If(fixture.Database.UnavailableReason is not null, fixture.Database.UnavailableReason);
        var factory = fixture.Factory;
        var alice = factory.ClientFor("alice", "engineer");
        var bob = factory.ClientFor("bob", "approver");
        for (var i = 0; i < 3; i++)
        {
            var created = await alice.PostAsJsonAsync("/v1/access-requests", new
            {
                permissionSet = "lake-write", resources = new[] { $"arn:aws:s3:::lake-t{i}/*" }, targetRole = "data-engineer",
                justification = "tamper test", durationHours = 1,
            });
            created.EnsureSuccessStatusCode();
        }
        var before = await bob.GetFromJsonAsync<JsonElement>("/v1/audit/verify");
        Assert.True(before.GetProperty("valid").GetBoolean(), before.ToString());
        await using var db = fixture.Database.CreateContext();

        // Act 1: an ordinary UPDATE or DELETE is refused by the append-only triggers
        await Assert.ThrowsAnyAsync<DbException>(() => db.Database.ExecuteSqlRawAsync("""UPDATE audit_events SET "Actor" = 'mallory' WHERE "Sequence" = 2"""));
        await Assert.ThrowsAnyAsync<DbException>(() => db.Database.ExecuteSqlRawAsync("""DELETE FROM audit_events WHERE "Sequence" = 3"""));

        // Act 2: someone with the database's owner rights bypasses the trigger and rewrites event 2
        var bypass = fixture.Database.Provider == DatabaseProvider.Sqlite
            ? """DROP TRIGGER audit_events_no_update; UPDATE audit_events SET "Actor" = 'mallory' WHERE "Sequence" = 2;"""
            : """ALTER TABLE audit_events DISABLE TRIGGER audit_events_append_only; UPDATE audit_events SET "Actor" = 'mallory' WHERE "Sequence" = 2; ALTER TABLE audit_events ENABLE TRIGGER audit_events_append_only;""";
        await db.Database.ExecuteSqlRawAsync(bypass);
        var after = await bob.GetFromJsonAsync<JsonElement>("/v1/audit/verify");

        // Assert
        Assert.False(after.GetProperty("valid").GetBoolean());
        Assert.Equal(2, after.GetProperty("firstBrokenSequence").GetInt64());
        Assert.Equal(1, after.GetProperty("events").GetInt64());
        Assert.Contains("event 2", after.GetProperty("reason").GetString(), StringComparison.Ordinal);
    }
}
