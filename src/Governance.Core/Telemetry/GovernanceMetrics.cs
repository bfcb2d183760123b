using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Governance.Core.Telemetry;

/// <summary>
/// The service's own metrics, all on one <see cref="Meter"/> named <see cref="MeterName"/>: the one owner of their names,
/// units and tags. Request rate and latency by endpoint are ASP.NET Core's (<c>http.server.request.duration</c>, by route).
/// </summary>
/// <remarks>
/// Recording is cheap enough for the engine's hot path: a decision costs one <see cref="Stopwatch.GetTimestamp"/> pair per
/// question (never per statement), and every tag is a preallocated pair, so a measurement allocates nothing. The gauges
/// are read at collection from <see cref="IGovernanceStateReader"/>, which bounds what a scrape costs.
/// <threadsafety>Every member may be called from any thread.</threadsafety>
/// </remarks>
public sealed class GovernanceMetrics : IDisposable
{
    /// <summary>The meter's name, which a metrics pipeline subscribes to.</summary>
    public const string MeterName = "Governance";

    private static readonly KeyValuePair<string, object?>[] QuestionTags =
        [.. Enum.GetValues<EngineQuestion>().Select(static q => Tag("governance.question", QuestionName(q)))];

    private static readonly double[] DecisionBuckets = [0.000_01, 0.000_025, 0.000_05, 0.000_1, 0.000_25, 0.000_5, 0.001, 0.002_5, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1];

    private static readonly double[] JobBuckets = [0.01, 0.05, 0.1, 0.5, 1, 5, 10, 30, 60, 300, 900, 3600];

    private readonly Meter _meter;
    private readonly bool _ownsMeter;
    private readonly Counter<long> _decisions;
    private readonly Histogram<double> _decisionDuration;
    private readonly Counter<long> _submitted;
    private readonly Counter<long> _closed;
    private readonly Counter<long> _provisioningFailures;
    private readonly Counter<long> _jobRuns;
    private readonly Histogram<double> _jobDuration;
    private readonly Counter<long> _driftRuns;
    private readonly Gauge<long> _driftFindings;

    /// <summary>Creates the instruments on a meter from <paramref name="meterFactory"/> (the host's), or on a meter of its own without one.</summary>
    /// <param name="meterFactory">The host's meter factory; null outside a host (a test, a tool).</param>
    /// <param name="state">Where the gauges read the service's state; null for no gauges.</param>
    public GovernanceMetrics(IMeterFactory? meterFactory, IGovernanceStateReader? state)
    {
        _ownsMeter = meterFactory is null;
        _meter = meterFactory?.Create(MeterName) ?? new Meter(MeterName);
        _decisions = _meter.CreateCounter<long>("governance.engine.decisions", "{decision}",
            "Questions the policy engine answered, by question (can_i, preview, simulate).");
        _decisionDuration = _meter.CreateHistogram("governance.engine.decision.duration", "s",
            "How long the engine took to answer one question, the organisation copy already loaded.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = DecisionBuckets });
        _submitted = _meter.CreateCounter<long>("governance.requests.submitted", "{request}", "Access requests submitted and stored.");
        _closed = _meter.CreateCounter<long>("governance.requests.decided", "{request}",
            "Access requests that left pending, by outcome (approved, denied, refused, cancelled, expired).");
        _provisioningFailures = _meter.CreateCounter<long>("governance.grants.provisioning.failures", "{failure}",
            "Grants whose policy could not be applied or removed, by operation (provision, revoke, expire).");
        _jobRuns = _meter.CreateCounter<long>("governance.jobs.runs", "{run}", "Scheduled job firings, by job and outcome (success, failure).");
        _jobDuration = _meter.CreateHistogram("governance.jobs.duration", "s", "How long a job firing ran, by job and outcome.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = JobBuckets });
        _driftRuns = _meter.CreateCounter<long>("governance.drift.runs", "{run}", "Drift audits run.");
        _driftFindings = _meter.CreateGauge<long>("governance.drift.findings", "{finding}",
            "Findings of the latest drift audit run by this process, by severity (critical, high, medium, low).");
        if (state is not null)
        {
            _meter.CreateObservableGauge("governance.requests.pending", () => Count(state, static s => s.PendingRequests), "{request}",
                "Access requests waiting for a decision.");
            _meter.CreateObservableGauge("governance.requests.pending.oldest_age", () => Seconds(state, static s => s.OldestPendingAge), "s",
                "How long the oldest pending access request has waited; 0 when none waits.");
            _meter.CreateObservableGauge("governance.grants.active", () => Count(state, static s => s.ActiveGrants), "{grant}",
                "Grants whose access is in place.");
            _meter.CreateObservableGauge("governance.audit.checkpoint.age", () => Seconds(state, static s => s.CheckpointAge), "s",
                "How long ago the newest audit checkpoint was signed; absent while none is stored.");
        }
    }

    /// <summary>The start of an engine question, for <see cref="Decided"/>.</summary>
    public static long StartDecision() => Stopwatch.GetTimestamp();

    /// <summary>Counts one answered <paramref name="question"/> and its duration since <paramref name="started"/>.</summary>
    /// <param name="question">Which question.</param>
    /// <param name="started">What <see cref="StartDecision"/> returned before the engine was asked.</param>
    public void Decided(EngineQuestion question, long started)
    {
        var tag = QuestionTags[(int)question];
        _decisions.Add(1, tag);
        _decisionDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, tag);
    }

    /// <summary>Counts a stored access request.</summary>
    public void RequestSubmitted() => _submitted.Add(1);

    /// <summary>Counts an access request that left pending.</summary>
    /// <param name="outcome">Its new status, in lower case: approved, denied, refused, cancelled, expired.</param>
    /// <param name="count">How many requests.</param>
    public void RequestsDecided(string outcome, long count = 1)
    {
        if (count > 0)
        {
            _closed.Add(count, Tag("governance.request.outcome", outcome));
        }
    }

    /// <summary>Counts a grant whose policy could not be applied or removed.</summary>
    /// <param name="operation">provision, revoke or expire.</param>
    public void ProvisioningFailed(string operation) => _provisioningFailures.Add(1, Tag("governance.provisioning.operation", operation));

    /// <summary>Counts one job firing and its duration.</summary>
    /// <param name="job">The job's name.</param>
    /// <param name="duration">How long it ran.</param>
    /// <param name="succeeded">False when it threw.</param>
    public void JobRan(string job, TimeSpan duration, bool succeeded)
    {
        var tags = new TagList { { "governance.job", job }, { "governance.job.outcome", succeeded ? "success" : "failure" } };
        _jobRuns.Add(1, tags);
        _jobDuration.Record(duration.TotalSeconds, tags);
    }

    /// <summary>Records a drift audit's findings by severity.</summary>
    public void DriftAuditRan(int critical, int high, int medium, int low)
    {
        _driftRuns.Add(1);
        _driftFindings.Record(critical, Tag("governance.finding.severity", "critical"));
        _driftFindings.Record(high, Tag("governance.finding.severity", "high"));
        _driftFindings.Record(medium, Tag("governance.finding.severity", "medium"));
        _driftFindings.Record(low, Tag("governance.finding.severity", "low"));
    }

    /// <inheritdoc />
    public void Dispose()
    {
        // A factory's meter is the factory's to dispose, with the host.
        if (_ownsMeter)
        {
            _meter.Dispose();
        }
    }

    private static string QuestionName(EngineQuestion question) => question switch
    {
        EngineQuestion.CanI => "can_i",
        EngineQuestion.Preview => "preview",
        EngineQuestion.Simulate => "simulate",
        _ => throw new ArgumentOutOfRangeException(nameof(question)),
    };

    private static KeyValuePair<string, object?> Tag(string key, object? value) => new(key, value);

    /// <summary>A gauge's one measurement, or none when the state cannot be read (the reader keeps its answer a few seconds, so the four gauges of one collection read it once).</summary>
    private static Measurement<long>[] Count(IGovernanceStateReader state, Func<GovernanceState, long> value)
        => state.Read() is { } s ? [new(value(s))] : [];

    private static Measurement<double>[] Seconds(IGovernanceStateReader state, Func<GovernanceState, TimeSpan?> value)
        => state.Read() is { } s && value(s) is { } age ? [new(age.TotalSeconds)] : [];
}
