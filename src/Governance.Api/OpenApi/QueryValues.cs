namespace Governance.Api.OpenApi;

/// <summary>
/// Endpoint metadata: the query parameter <paramref name="Name"/> takes one of <paramref name="Values"/> (read as a
/// string by the handler, so that an unknown value is refused in the service's words); the document lists them.
/// </summary>
/// <param name="Name">The parameter.</param>
/// <param name="SchemaName">The name of the values' schema among the document's components, so that a generated client has one type for them.</param>
/// <param name="Values">Its values, as the document lists them.</param>
internal sealed record QueryValues(string Name, string SchemaName, IReadOnlyList<string> Values);
