using Governance.Core.Infrastructure.Data;
using Governance.Core.Workflow.Grants;
using Microsoft.AspNetCore.Authorization;

namespace Governance.Api.Endpoints;

/// <summary>What the grant handlers need, bound with <c>[AsParameters]</c>.</summary>
/// <param name="Grants">The domain service.</param>
/// <param name="Db">The database, for queries.</param>
/// <param name="Authorization">For visibility.</param>
/// <param name="Logger">The log.</param>
internal sealed record GrantServices(GrantService Grants, GovernanceDbContext Db, IAuthorizationService Authorization, ILogger<GrantServices> Logger);
