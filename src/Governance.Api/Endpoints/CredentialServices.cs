using Governance.Core.Workflow.Credentials;
using Microsoft.AspNetCore.Authorization;

namespace Governance.Api.Endpoints;

/// <summary>What the credentials handler needs, bound with <c>[AsParameters]</c>.</summary>
/// <param name="Credentials">The domain service.</param>
/// <param name="Authorization">For the requester rule.</param>
/// <param name="Logger">The log.</param>
internal sealed record CredentialServices(GrantCredentialService Credentials, IAuthorizationService Authorization, ILogger<CredentialServices> Logger);
