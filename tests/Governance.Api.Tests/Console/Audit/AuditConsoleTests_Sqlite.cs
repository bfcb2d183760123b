using Governance.Api.Tests.Infrastructure;

namespace Governance.Api.Tests.Console.Audit;

/// <summary>The console's audit area on SQLite.</summary>
public sealed class AuditConsoleTests_Sqlite(SqliteApiFixture fixture) : AuditConsoleTests<SqliteApiFixture>(fixture), IClassFixture<SqliteApiFixture>;
