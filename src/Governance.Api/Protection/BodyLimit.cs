namespace Governance.Api.Protection;

/// <summary>Endpoint metadata: the largest request body the endpoint takes, in bytes, instead of <see cref="RequestBodyLimits.DefaultBytes"/>.</summary>
/// <param name="Bytes">The limit.</param>
internal sealed record BodyLimit(long Bytes);
