namespace Governance.Api.Tests.Infrastructure;

/// <summary><see cref="FiledPoliciesFixture"/> on SQLite.</summary>
public sealed class FiledPoliciesSqliteFixture : FiledPoliciesFixture
{
    public FiledPoliciesSqliteFixture() => Database = TestDatabase.Sqlite(DataDirectory);

    public override TestDatabase Database { get; }
}
