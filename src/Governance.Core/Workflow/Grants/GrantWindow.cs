namespace Governance.Core.Workflow.Grants;

/// <summary>The period a grant is active: includes <see cref="Start"/>, excludes <see cref="End"/>.</summary>
/// <remarks>Both ends are UTC and truncated to whole seconds, so that the policy condition, the database and the
/// audit record state the same instant.</remarks>
public readonly record struct GrantWindow
{
    /// <summary>Creates a window; <paramref name="end"/> must be later than <paramref name="start"/>.</summary>
    public GrantWindow(DateTimeOffset start, DateTimeOffset end)
    {
        start = Truncate(start);
        end = Truncate(end);
        if (end <= start)
        {
            throw new ArgumentOutOfRangeException(nameof(end), "end must be later than start");
        }
        (Start, End) = (start, end);
    }

    /// <summary>The first instant of the grant.</summary>
    public DateTimeOffset Start { get; }

    /// <summary>The first instant the grant no longer holds.</summary>
    public DateTimeOffset End { get; }

    /// <summary>The window's length.</summary>
    public TimeSpan Duration => End - Start;

    /// <summary>A window of <paramref name="duration"/> from <paramref name="start"/>.</summary>
    public static GrantWindow StartingAt(DateTimeOffset start, TimeSpan duration) => new(start, start + duration);

    /// <summary>True when <paramref name="instant"/> is inside the window.</summary>
    public bool Contains(DateTimeOffset instant) => Start <= instant && instant < End;

    /// <summary>The end as IAM's <c>aws:CurrentTime</c> conditions write it (ISO 8601, UTC, seconds).</summary>
    public string EndIso8601 => End.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);

    private static DateTimeOffset Truncate(DateTimeOffset t)
    {
        var utc = t.ToUniversalTime();
        return new DateTimeOffset(utc.Ticks - (utc.Ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
    }
}
