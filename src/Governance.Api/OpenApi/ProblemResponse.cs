namespace Governance.Api.OpenApi;

/// <summary>
/// Endpoint metadata: the endpoint answers <paramref name="Status"/> with a problem whose <c>code</c> is one of
/// <paramref name="Codes"/>. Read by <see cref="ContractOperationTransformer"/> into the operation's responses.
/// </summary>
/// <param name="Status">The HTTP status.</param>
/// <param name="Codes">The problem codes (<c>ProblemCodes</c>) given with it.</param>
internal sealed record ProblemResponse(int Status, IReadOnlyList<string> Codes);
