namespace Governance.Core.Telemetry;

/// <summary>Reads the state behind the gauges of <see cref="GovernanceMetrics"/>; called when the metrics are collected.</summary>
/// <remarks>
/// Collection is synchronous (an observable gauge's callback) and happens on every scrape and every export, so an
/// implementation bounds its cost: the database one reads one aggregate per table and keeps the answer a few seconds.
/// </remarks>
public interface IGovernanceStateReader
{
    /// <summary>The current state, or null when it cannot be read now (the gauges then report nothing rather than a guess).</summary>
    GovernanceState? Read();
}
