using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Scheduler.Jobs;
using Scheduler.Tests.Infrastructure;

namespace Scheduler.Tests.Hosting;

/// <summary>Every firing of the real scheduler is counted with its job, outcome and duration.</summary>
public sealed class JobMetricsListenerTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 25, 10, 0, 10, TimeSpan.Zero);

    [Fact]
    public async Task JobWasExecuted_OneRunSucceedsOneThrows_CountsEachByOutcome()
    {
        // Arrange: the harness's metrics on a meter factory of this test's own, so that no other test's firings are heard
        using var factory = new OwnMeterFactory();
        var runs = new List<(long Value, string? Job, string? Outcome)>();
        var durations = new List<(double Value, string? Job)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Scope == factory && instrument.Name is "governance.jobs.runs" or "governance.jobs.duration")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            lock (runs)
            {
                runs.Add((value, Tag(tags, "governance.job"), Tag(tags, "governance.job.outcome")));
            }
        });
        listener.SetMeasurementEventCallback<double>((_, value, tags, _) =>
        {
            lock (runs)
            {
                durations.Add((value, Tag(tags, "governance.job")));
            }
        });
        listener.Start();
        await using var harness = await SchedulerHarness.StartAsync(Start, configure: (services, _) => services.AddSingleton<IMeterFactory>(factory));
        await harness.GrantAsync(Start.AddHours(-1), Start.AddSeconds(20));
        harness.Provisioner.Crash = true;

        // Act
        var failed = await harness.FireAtAsync(Start.AddSeconds(50));
        harness.Provisioner.Crash = false;
        var succeeded = await harness.FireAtAsync(Start.AddMinutes(1).AddSeconds(50));
        await WaitForAsync(() => { lock (runs) return runs.Count(static r => r.Job == ExpireGrantsJob.Key.Name) >= 2; });

        // Assert
        Assert.NotNull(failed.Error);
        Assert.Null(succeeded.Error);
        lock (runs)
        {
            // The checkpoint job fires each minute too, and is counted under its own name.
            Assert.Equal([(1L, ExpireGrantsJob.Key.Name, "failure"), (1L, ExpireGrantsJob.Key.Name, "success")],
                runs.Where(static r => r.Job == ExpireGrantsJob.Key.Name));
            var expiries = durations.Where(static d => d.Job == ExpireGrantsJob.Key.Name).ToList();
            Assert.Equal(2, expiries.Count);
            Assert.All(expiries, static d => Assert.True(d.Value >= 0, "a duration is never negative"));
        }
    }

    private static string? Tag(ReadOnlySpan<KeyValuePair<string, object?>> tags, string key)
    {
        foreach (var (name, value) in tags)
        {
            if (name == key)
            {
                return value as string;
            }
        }
        return null;
    }

    private static async Task WaitForAsync(Func<bool> condition)
    {
        for (var i = 0; i < 100 && !condition(); i++)
        {
            await Task.Delay(50);
        }
    }

    /// <summary>Meters whose scope is this factory, as a host's are its own.</summary>
    private sealed class OwnMeterFactory : IMeterFactory
    {
        private readonly List<Meter> _meters = [];

        public Meter Create(MeterOptions options)
        {
            var meter = new Meter(new MeterOptions(options.Name) { Version = options.Version, Tags = options.Tags, Scope = this });
            lock (_meters)
            {
                _meters.Add(meter);
            }
            return meter;
        }

        public void Dispose()
        {
            lock (_meters)
            {
                _meters.ForEach(static m => m.Dispose());
            }
        }
    }
}
