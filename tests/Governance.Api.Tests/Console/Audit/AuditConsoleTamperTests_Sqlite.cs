using Governance.Api.Tests.Infrastructure;

namespace Governance.Api.Tests.Console.Audit;

/// <summary>The verification page and tampering on SQLite.</summary>
public sealed class AuditConsoleTamperTests_Sqlite(SqliteApiFixture fixture) : AuditConsoleTamperTests<SqliteApiFixture>(fixture), IClassFixture<SqliteApiFixture>;
