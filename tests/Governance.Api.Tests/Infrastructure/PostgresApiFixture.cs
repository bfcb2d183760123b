namespace Governance.Api.Tests.Infrastructure;

/// <summary>The service on PostgreSQL, in a database created for the test class.</summary>
public sealed class PostgresApiFixture : ApiFixture
{
    public override TestDatabase Database { get; } = TestDatabase.Postgres();
}
