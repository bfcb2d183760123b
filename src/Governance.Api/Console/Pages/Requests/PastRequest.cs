using Governance.Core.Workflow.Grants;
using Governance.Core.Workflow.Requests;

namespace Governance.Api.Console.Pages.Requests;

/// <summary>One of a requester's earlier requests, with the grant its approval created.</summary>
/// <param name="Request">The request.</param>
/// <param name="Grant">Its grant; null when it was not approved.</param>
public sealed record PastRequest(AccessRequest Request, Grant? Grant);
