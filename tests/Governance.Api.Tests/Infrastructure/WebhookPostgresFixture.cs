namespace Governance.Api.Tests.Infrastructure;

/// <summary><see cref="WebhookFixture"/> on PostgreSQL.</summary>
public sealed class WebhookPostgresFixture : WebhookFixture
{
    public override TestDatabase Database { get; } = TestDatabase.Postgres();
}
