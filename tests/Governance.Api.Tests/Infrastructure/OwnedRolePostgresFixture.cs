namespace Governance.Api.Tests.Infrastructure;

/// <summary><see cref="OwnedRoleFixture"/> on PostgreSQL.</summary>
public sealed class OwnedRolePostgresFixture : OwnedRoleFixture
{
    public override TestDatabase Database { get; } = TestDatabase.Postgres();
}
