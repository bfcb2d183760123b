using Governance.Api.Tests.Infrastructure;
using Governance.Core.Infrastructure.Data;

namespace Governance.Api.Tests.Audit;

/// <summary>Checkpoint tampering on SQLite.</summary>
public sealed class AuditCheckpointTests_Sqlite : AuditCheckpointTests
{
    protected override string? Unavailable => null;

    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;

    protected override TestDatabase NewDatabase(string dataDirectory) => TestDatabase.Sqlite(dataDirectory);
}
