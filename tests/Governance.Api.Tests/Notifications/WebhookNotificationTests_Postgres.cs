using Governance.Api.Tests.Infrastructure;

namespace Governance.Api.Tests.Notifications;

/// <summary>The webhook tests on PostgreSQL.</summary>
public sealed class WebhookNotificationTests_Postgres(WebhookPostgresFixture fixture)
    : WebhookNotificationTests<WebhookPostgresFixture>(fixture), IClassFixture<WebhookPostgresFixture>;
