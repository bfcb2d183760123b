namespace Governance.Api.Tests.Infrastructure;

/// <summary><see cref="FiledPoliciesFixture"/> on PostgreSQL.</summary>
public sealed class FiledPoliciesPostgresFixture : FiledPoliciesFixture
{
    public override TestDatabase Database { get; } = TestDatabase.Postgres();
}
