namespace Governance.Api.Protection;

/// <summary>
/// <c>Governance:RateLimits</c>: how many requests one client address (counted before authentication, so that a flood of
/// forged tokens costs no signature checks) and one token subject may make. Health endpoints are never limited.
/// </summary>
/// <remarks>
/// The defaults are far above what a person or a CI job asks (tens of requests a second) and stop one caller from taking
/// the service's CPU. Load tests raise them or set <see cref="Enabled"/> to false.
/// </remarks>
public sealed class RateLimitSettings
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Governance:RateLimits";

    /// <summary>False turns both limits off.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Per client address (<c>RemoteIpAddress</c>; behind a proxy that is the proxy's unless forwarded headers are configured).</summary>
    public WindowLimit PerAddress { get; set; } = new() { PermitLimit = 2000 };

    /// <summary>Per token subject (<c>sub</c>), on authenticated requests.</summary>
    public WindowLimit PerSubject { get; set; } = new() { PermitLimit = 200 };
}
