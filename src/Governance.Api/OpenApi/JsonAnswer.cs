namespace Governance.Api.OpenApi;

/// <summary>
/// Endpoint metadata: the endpoint's 200 answer, written by hand rather than serialised from a type, has the schema the
/// document holds as the component <paramref name="SchemaName"/>.
/// </summary>
/// <param name="SchemaName">The component's name.</param>
internal sealed record JsonAnswer(string SchemaName);
