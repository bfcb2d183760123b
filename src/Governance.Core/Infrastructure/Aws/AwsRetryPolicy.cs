namespace Governance.Core.Infrastructure.Aws;

/// <summary>
/// Retries of throttled, failed (5xx) and unreachable calls: exponential backoff with full jitter, as the AWS SDKs'
/// standard retry mode does, bounded in attempts and delay.
/// </summary>
/// <param name="MaxAttempts">Attempts in all, the first included.</param>
/// <param name="BaseDelay">The cap of the first retry's delay; each retry doubles it.</param>
/// <param name="MaxDelay">The cap of any one delay.</param>
public sealed record AwsRetryPolicy(int MaxAttempts, TimeSpan BaseDelay, TimeSpan MaxDelay)
{
    /// <summary>The SDKs' standard mode: 3 attempts would give up quickly on a busy account, so 5, from 100 ms up to 20 s.</summary>
    public static AwsRetryPolicy Standard { get; } = new(5, TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(20));

    /// <summary>The delay before retry <paramref name="retry"/> (1 for the first): uniform in [0, min(max, base·2^(retry-1))].</summary>
    public TimeSpan DelayBefore(int retry, Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        var exponent = Math.Min(retry - 1, 30);
        var cap = Math.Min(MaxDelay.TotalMilliseconds, BaseDelay.TotalMilliseconds * Math.Pow(2, exponent));
        return TimeSpan.FromMilliseconds(random.NextDouble() * cap);
    }

    /// <summary>
    /// Runs <paramref name="attempt"/> until it answers a result that is not worth another attempt, or the attempts run
    /// out; between two attempts it waits <see cref="DelayBefore"/> through <paramref name="delay"/>.
    /// </summary>
    public async Task<T> RunAsync<T>(Func<Task<(T Result, bool Retryable)>> attempt, Func<TimeSpan, CancellationToken, Task> delay, Random random,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        ArgumentNullException.ThrowIfNull(delay);
        for (var number = 1; ; number++)
        {
            var (result, retryable) = await attempt().ConfigureAwait(false);
            if (!retryable || number >= MaxAttempts)
            {
                return result;
            }
            await delay(DelayBefore(number, random), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>True for the throttling codes of the Query APIs.</summary>
    public static bool IsThrottling(string code) => code is "Throttling" or "ThrottlingException" or "ThrottledException"
        or "RequestLimitExceeded" or "RequestThrottled" or "RequestThrottledException" or "TooManyRequestsException"
        or "SlowDown" or "PriorRequestNotComplete";

    /// <summary>True when a response with this status and code is worth another attempt.</summary>
    public static bool IsRetryable(int status, string? code) => status >= 500 || status == 429 || (code is not null && IsThrottling(code));
}
