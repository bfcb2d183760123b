namespace Governance.Api.Tests.Telemetry;

/// <summary>
/// Tests that must run alone, after every parallel test of the run: xunit 2 runs a collection that disables parallelization
/// once all parallel collections are done. The metrics test needs it because a metrics pipeline listens to every meter
/// of its name in the process, other hosts' too; the run-wide log scan needs it to see the run's lines.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SerialCollection
{
    public const string Name = "Serial, after the parallel tests";
}
