using Governance.Api.Tests.Infrastructure;
using Governance.Core.Infrastructure.Data;
using TestSupport.Databases;

namespace Governance.Api.Tests.Audit;

/// <summary>Checkpoint tampering on PostgreSQL.</summary>
public sealed class AuditCheckpointTests_Postgres : AuditCheckpointTests
{
    protected override string? Unavailable => TestPostgres.TryNewDatabase(out _, out var reason) ? null : reason;

    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;

    protected override TestDatabase NewDatabase(string dataDirectory) => TestDatabase.Postgres();
}
