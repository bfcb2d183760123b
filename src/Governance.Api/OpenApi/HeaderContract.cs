namespace Governance.Api.OpenApi;

/// <summary>
/// Endpoint metadata: a header the endpoint reads (<paramref name="Status"/> null) or sets on its <paramref name="Status"/>
/// answer, which the handler handles itself and so the framework does not describe.
/// </summary>
/// <param name="Name">The header.</param>
/// <param name="Description">What it carries.</param>
/// <param name="Status">The answer that carries it; null for a request header.</param>
internal sealed record HeaderContract(string Name, string Description, int? Status = null);
