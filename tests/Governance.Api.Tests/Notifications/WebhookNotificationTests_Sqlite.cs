using Governance.Api.Tests.Infrastructure;

namespace Governance.Api.Tests.Notifications;

/// <summary>The webhook tests on SQLite.</summary>
public sealed class WebhookNotificationTests_Sqlite(WebhookSqliteFixture fixture)
    : WebhookNotificationTests<WebhookSqliteFixture>(fixture), IClassFixture<WebhookSqliteFixture>;
