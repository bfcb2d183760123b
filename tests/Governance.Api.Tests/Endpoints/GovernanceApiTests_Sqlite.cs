using Governance.Api.Tests.Infrastructure;

namespace Governance.Api.Tests.Endpoints;

/// <summary>Every API test on SQLite, the embedded default.</summary>
public sealed class GovernanceApiTests_Sqlite(SqliteApiFixture fixture) : GovernanceApiTests<SqliteApiFixture>(fixture), IClassFixture<SqliteApiFixture>;
