namespace Governance.Api.Tests.Infrastructure;

/// <summary><see cref="OwnedRoleFixture"/> on SQLite.</summary>
public sealed class OwnedRoleSqliteFixture : OwnedRoleFixture
{
    public OwnedRoleSqliteFixture() => Database = TestDatabase.Sqlite(DataDirectory);

    public override TestDatabase Database { get; }
}
