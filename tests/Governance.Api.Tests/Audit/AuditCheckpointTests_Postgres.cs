using Governance.Api.Tests.Infrastructure;
using Governance.Core.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using TestSupport.Databases;

namespace Governance.Api.Tests.Audit;

/// <summary>Checkpoint tampering on PostgreSQL.</summary>
public sealed class AuditCheckpointTests_Postgres : AuditCheckpointTests
{
    protected override string? Unavailable => TestPostgres.TryNewDatabase(out _, out var reason) ? null : reason;

    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;

    protected override TestDatabase NewDatabase(string dataDirectory) => TestDatabase.Postgres();

    [SkippableFact]
    public async Task Verify_AppendOnlyTriggerDisabledOnPostgres_ReportsIt()
    {
        // Arrange: PostgreSQL can disable a trigger and keep it in the catalog; SQLite cannot
        await using var service = await StartAsync();
        await using (var db = service.Database.CreateContext())
        {
            await db.Database.ExecuteSqlRawAsync("ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_truncate");
        }

        // Act
        var verified = await service.VerifyAsync();

        // Assert
        AssertProblem(verified, "TriggerMissing", Total + 1);
        Assert.Equal(["audit_events_no_truncate"], verified.GetProperty("triggers").GetProperty("missing").EnumerateArray().Select(static t => t.GetString()));
    }
}
