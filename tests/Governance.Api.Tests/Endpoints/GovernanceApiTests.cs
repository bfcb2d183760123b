using Governance.Api.Tests.Infrastructure;

namespace Governance.Api.Tests.Endpoints;

/// <summary>
/// The API through the real HTTP pipeline with real signed JWTs. Each provider runs every test here from a
/// concrete subclass (<see cref="GovernanceApiTests_Sqlite"/>, <see cref="GovernanceApiTests_Postgres"/>).
/// </summary>
public abstract partial class GovernanceApiTests<TFixture>(TFixture fixture) : ApiTestBase<TFixture>(fixture)
    where TFixture : ApiFixture;
