namespace Governance.Api.Auth;

/// <summary>The requester of a request or grant, as the resource of visibility checks.</summary>
/// <param name="RequesterId">The requester's subject.</param>
internal sealed record RequesterOf(string RequesterId);
