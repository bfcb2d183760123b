using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Governance.Core.Drift;
using Governance.Core.Drift.Records;
using Governance.Core.Reports;
using Governance.Core.Risk;

namespace Governance.Benchmarks;

/// <summary>
/// The phases issue 20 names, on the generated account (<see cref="GeneratedInputs"/>): building the subjects (each
/// principal's policies compiled), the role-chain edges, effective access per principal, the direct escalation paths,
/// the chain findings, and writing the JSON reports; with the whole audit and the whole first drift run to set them against.
/// </summary>
/// <remarks>
/// Each phase runs on a fresh <see cref="RiskAnalysisRun"/> whose earlier phases are done in the iteration's setup, so
/// that a phase's time is its own: the chains are measured with the edges already built. A phase takes seconds at
/// 2,000 roles, so a few single-invocation iterations are measured (the monitoring strategy), not microbenchmark rounds.
/// </remarks>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class RiskPhaseBenchmarks
{
    private GeneratedInputs _inputs = null!;
    private RiskAnalysisRun _run = null!;
    private AccountRisks _audit = null!;
    private DriftReport _drift = null!;

    /// <summary>The account's roles.</summary>
    [Params(500, 2000, 5000)]
    public int Roles { get; set; }

    /// <summary>Reads the account and the roles as code, and makes the reports the writing benchmarks write.</summary>
    [GlobalSetup]
    public void ReadAccount()
    {
        _inputs = GeneratedInputs.Create(Roles);
        _audit = AccountAnalyzer.Analyze(_inputs.State, GeneratedInputs.Options);
        _drift = RunDrift();
    }

    /// <summary>A fresh run: its subjects built, nothing else worked out.</summary>
    [IterationSetup(Targets = [nameof(RoleEdges), nameof(EffectiveAccess), nameof(DirectEscalations)])]
    public void NewRun() => _run = new RiskAnalysisRun(_inputs.State, GeneratedInputs.Options);

    /// <summary>A fresh run with its role edges built, for the chains alone.</summary>
    [IterationSetup(Targets = [nameof(ChainFindings)])]
    public void NewRunWithEdges()
    {
        _run = new RiskAnalysisRun(_inputs.State, GeneratedInputs.Options);
        _run.BuildRoleEdges();
    }

    /// <summary>Every principal's subject: its policy set and trust policy compiled (the run's constructor).</summary>
    [Benchmark]
    public object Subjects() => new RiskAnalysisRun(_inputs.State, GeneratedInputs.Options);

    /// <summary>The role-chain edges: for each caller, the candidate roles its policies and their trust policies let it assume.</summary>
    [Benchmark]
    public int RoleEdges() => _run.BuildRoleEdges();

    /// <summary>Effective access per principal in numbers and its risk findings (once per account and set of policy documents).</summary>
    [Benchmark]
    public int EffectiveAccess() => _run.BuildEffectiveAccess();

    /// <summary>
    /// The direct escalation paths of every principal (not a phase the issue names: what the profile shows beside them),
    /// with what their targets need worked out on the way (administrators, and the edges of the roles a path can use).
    /// </summary>
    [Benchmark]
    public int DirectEscalations() => _run.FindDirectEscalations();

    /// <summary>The chain findings, breadth first from each principal, edges already built.</summary>
    [Benchmark]
    public int ChainFindings() => _run.FindChains();

    /// <summary>The audit's JSON report, as <c>iamgov audit -o json</c> writes it.</summary>
    [Benchmark]
    public int AuditReportJson() => ReportRenderer.Render(_audit, ReportFormat.Json).Length;

    /// <summary>The drift report's JSON, as <c>iamgov drift -o json</c> writes it.</summary>
    [Benchmark]
    public int DriftReportJson() => ReportRenderer.Render(_drift, ReportFormat.Json, []).Length;

    /// <summary>The audit's JSON report streamed, as <c>iamgov audit -o json</c> writes it now (to a stream that keeps nothing): time and allocation beside <see cref="AuditReportJson"/>'s string.</summary>
    [Benchmark]
    public long AuditReportJsonStreamed()
    {
        using var sink = new CountingStream();
        ReportRenderer.Write(_audit, ReportFormat.Json, sink);
        return sink.Length;
    }

    /// <summary>The drift report's JSON streamed, as <c>iamgov drift -o json</c> writes it now.</summary>
    [Benchmark]
    public long DriftReportJsonStreamed()
    {
        using var sink = new CountingStream();
        ReportRenderer.Write(_drift, ReportFormat.Json, [], sink);
        return sink.Length;
    }

    /// <summary>The whole audit (<c>iamgov audit</c> without reading and writing).</summary>
    [Benchmark]
    public int WholeAudit() => AccountAnalyzer.Analyze(_inputs.State, GeneratedInputs.Options).Principals.Length;

    /// <summary>The whole first drift run (<c>iamgov drift</c> without reading and writing).</summary>
    [Benchmark]
    public int WholeDrift() => RunDrift().Findings.Length;

    private DriftReport RunDrift() => DriftAudit.Run(Guid.Empty, new DesiredState(_inputs.Roles, []), _inputs.State, GeneratedInputs.AsOf, previous: null);
}
