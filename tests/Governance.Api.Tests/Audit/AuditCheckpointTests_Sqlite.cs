using Governance.Api.Tests.Infrastructure;

namespace Governance.Api.Tests.Audit;

/// <summary>Checkpoint tampering on SQLite.</summary>
public sealed class AuditCheckpointTests_Sqlite : AuditCheckpointTests
{
    protected override string? Unavailable => null;

    protected override TestDatabase NewDatabase(string dataDirectory) => TestDatabase.Sqlite(dataDirectory);
}
