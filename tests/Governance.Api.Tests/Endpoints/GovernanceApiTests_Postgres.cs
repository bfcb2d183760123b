using Governance.Api.Tests.Infrastructure;

namespace Governance.Api.Tests.Endpoints;

/// <summary>Every API test on PostgreSQL (IAMGOV_TEST_POSTGRES); skipped locally without it, failed on CI.</summary>
public sealed class GovernanceApiTests_Postgres(PostgresApiFixture fixture) : GovernanceApiTests<PostgresApiFixture>(fixture), IClassFixture<PostgresApiFixture>;
