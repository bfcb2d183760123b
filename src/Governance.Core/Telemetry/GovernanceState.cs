namespace Governance.Core.Telemetry;

/// <summary>The state the gauges report, read together by <see cref="IGovernanceStateReader"/>.</summary>
/// <param name="PendingRequests">Access requests waiting for a decision.</param>
/// <param name="OldestPendingAge">How long the oldest of them has waited; zero when none waits.</param>
/// <param name="ActiveGrants">Grants whose access is in place.</param>
/// <param name="CheckpointAge">How long ago the newest audit checkpoint was signed; null when none is stored.</param>
public sealed record GovernanceState(long PendingRequests, TimeSpan OldestPendingAge, long ActiveGrants, TimeSpan? CheckpointAge);
