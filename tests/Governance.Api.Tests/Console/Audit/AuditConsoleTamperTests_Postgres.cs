using Governance.Api.Tests.Infrastructure;

namespace Governance.Api.Tests.Console.Audit;

/// <summary>The verification page and tampering on PostgreSQL.</summary>
public sealed class AuditConsoleTamperTests_Postgres(PostgresApiFixture fixture) : AuditConsoleTamperTests<PostgresApiFixture>(fixture), IClassFixture<PostgresApiFixture>;
