namespace Governance.Api.ClientTests.Infrastructure;

/// <summary>One request the generated client sent and the answer it got, as the wire carried them.</summary>
/// <param name="Method">The request's method.</param>
/// <param name="Path">The request's path, without its query.</param>
/// <param name="Status">The answer's status.</param>
/// <param name="MediaType">The answer's media type, when it had a body.</param>
/// <param name="Body">The answer's body.</param>
/// <param name="Headers">The names of the answer's headers (content headers included).</param>
public sealed record RecordedExchange(HttpMethod Method, string Path, int Status, string? MediaType, string Body, IReadOnlySet<string>? Headers = null);
