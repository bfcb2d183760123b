using Governance.Api.Tests.Console.Infrastructure;
using Governance.Api.Tests.Infrastructure;
using Governance.Core.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Governance.Api.Tests.Console.Audit;

/// <summary>The verification page before and after the audit table is rewritten in the database; a class of its own because it breaks the chain.</summary>
public abstract class AuditConsoleTamperTests<TFixture>(TFixture fixture) : ApiTestBase<TFixture>(fixture)
    where TFixture : ApiFixture
{
    [SkippableFact]
    public async Task The_verification_shows_an_intact_chain_then_the_event_rewritten_in_the_database()
    {
        // Arrange: three events, signed by a checkpoint
        var alice = Factory.ClientFor(NewUser("alice"), "engineer");
        for (var i = 0; i < 3; i++)
        {
            await SubmitAsync(alice, LakeWrite($"arn:aws:s3:::lake-v{i}/*"));
        }
        var signed = await Factory.ClientFor(NewUser("carol"), "admin").PostAsync("/v1/audit/checkpoints", null);
        signed.EnsureSuccessStatusCode();
        using var bob = await ConsoleClient.SignInAsync(Factory, NewUser("bob"), "approver");

        // Act 1
        var intact = await bob.GetAsync("/audit/verify");

        // Act 2: someone with the database owner's rights bypasses the append-only trigger and rewrites event 2
        await using (var db = Fixture.Database.CreateContext())
        {
            var bypass = Fixture.Database.Provider == DatabaseProvider.Sqlite
                ? """DROP TRIGGER audit_events_no_update; UPDATE audit_events SET "Actor" = 'mallory' WHERE "Sequence" = 2;"""
                : """ALTER TABLE audit_events DISABLE TRIGGER audit_events_append_only; UPDATE audit_events SET "Actor" = 'mallory' WHERE "Sequence" = 2; ALTER TABLE audit_events ENABLE TRIGGER audit_events_append_only;""";
            await db.Database.ExecuteSqlRawAsync(bypass);
        }
        var tampered = await bob.GetAsync("/audit/verify");

        // Assert
        Assert.Contains("Intact. The chain verifies up to event 3", intact.Text("#verdict"), StringComparison.Ordinal);
        Assert.Contains("covers events 1 to 3, signed at", intact.Text("[data-testid=last-checkpoint]"), StringComparison.Ordinal);
        Assert.Contains("with key id", intact.Text("[data-testid=last-checkpoint]"), StringComparison.Ordinal);
        Assert.Equal("alert", tampered.One("#verdict").GetAttribute("role"));
        Assert.Contains("Tampering found at event 2", tampered.Text("#verdict"), StringComparison.Ordinal);
        Assert.Contains("intact up to event 1", tampered.Text("#verdict"), StringComparison.Ordinal);
    }
}
