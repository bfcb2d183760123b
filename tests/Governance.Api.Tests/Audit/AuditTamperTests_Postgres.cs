using Governance.Api.Tests.Infrastructure;

namespace Governance.Api.Tests.Audit;

/// <summary>Tampering on PostgreSQL.</summary>
public sealed class AuditTamperTests_Postgres(PostgresApiFixture fixture) : AuditTamperTests<PostgresApiFixture>(fixture), IClassFixture<PostgresApiFixture>;
