namespace Governance.Api.Tests.Infrastructure;

/// <summary>The service on SQLite, the embedded default.</summary>
public sealed class SqliteApiFixture : ApiFixture
{
    public SqliteApiFixture() => Database = TestDatabase.Sqlite(DataDirectory);

    public override TestDatabase Database { get; }
}
