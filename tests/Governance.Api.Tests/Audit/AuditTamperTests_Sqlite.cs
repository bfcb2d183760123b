using Governance.Api.Tests.Infrastructure;

namespace Governance.Api.Tests.Audit;

/// <summary>Tampering on SQLite.</summary>
public sealed class AuditTamperTests_Sqlite(SqliteApiFixture fixture) : AuditTamperTests<SqliteApiFixture>(fixture), IClassFixture<SqliteApiFixture>;
