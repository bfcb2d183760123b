namespace Governance.Api.Tests.Infrastructure;

/// <summary><see cref="WebhookFixture"/> on SQLite.</summary>
public sealed class WebhookSqliteFixture : WebhookFixture
{
    public WebhookSqliteFixture() => Database = TestDatabase.Sqlite(DataDirectory);

    public override TestDatabase Database { get; }
}
