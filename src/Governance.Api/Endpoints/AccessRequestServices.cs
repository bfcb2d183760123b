using Governance.Core.Infrastructure.Data;
using Governance.Core.Workflow.Requests;
using Microsoft.AspNetCore.Authorization;

namespace Governance.Api.Endpoints;

/// <summary>What the access-request handlers need, bound with <c>[AsParameters]</c>.</summary>
/// <param name="Requests">The domain service.</param>
/// <param name="Db">The database, for queries.</param>
/// <param name="Authorization">For resource rules (visibility, no self-decision).</param>
/// <param name="Logger">The log.</param>
/// <param name="Previews">Pending requests' previews as they stand now.</param>
/// <param name="Http">The exchange, for the <c>ETag</c>, <c>If-Match</c> and <c>Retry-After</c> headers.</param>
internal sealed record AccessRequestServices(
    AccessRequestService Requests, GovernanceDbContext Db, IAuthorizationService Authorization, ILogger<AccessRequestServices> Logger,
    RequestPreviewer Previews, HttpContext Http);
