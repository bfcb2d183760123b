using Governance.Api.Tests.Infrastructure;

namespace Governance.Api.Tests.Console.Audit;

/// <summary>The console's audit area on PostgreSQL.</summary>
public sealed class AuditConsoleTests_Postgres(PostgresApiFixture fixture) : AuditConsoleTests<PostgresApiFixture>(fixture), IClassFixture<PostgresApiFixture>;
