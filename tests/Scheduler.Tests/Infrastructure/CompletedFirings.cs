using System.Threading.Channels;
using Quartz;

namespace Scheduler.Tests.Infrastructure;

/// <summary>Hears the firings the scheduler completes of the jobs it listens to, so a test can wait for the one it caused.</summary>
/// <param name="name">The listener's name, unique in the scheduler.</param>
/// <param name="hears">Which jobs' firings it hears.</param>
internal sealed class CompletedFirings(string name, Func<JobKey, bool> hears) : IJobListener
{
    private readonly Channel<(JobKey Job, DateTimeOffset ScheduledAt, JobExecutionException? Error)> _firings = Channel.CreateUnbounded<(JobKey, DateTimeOffset, JobExecutionException?)>();

    public string Name => name;

    public ValueTask JobWasExecuted(IJobExecutionContext context, JobExecutionException? jobException, CancellationToken cancellationToken)
    {
        if (!hears(context.JobDetail.Key))
        {
            return ValueTask.CompletedTask;
        }
        _firings.Writer.TryWrite((context.JobDetail.Key, context.ScheduledFireTimeUtc ?? context.FireTimeUtc, jobException));
        return ValueTask.CompletedTask;
    }

    /// <summary>The next completed firing; fails the test after ten real seconds.</summary>
    public async Task<(JobKey Job, DateTimeOffset ScheduledAt, JobExecutionException? Error)> NextAsync()
        => await _firings.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10));

    /// <summary>Whether a firing completed that nobody has read yet.</summary>
    public bool Pending => _firings.Reader.Count > 0;
}
