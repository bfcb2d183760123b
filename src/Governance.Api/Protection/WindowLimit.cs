namespace Governance.Api.Protection;

/// <summary>A fixed-window limit: at most <see cref="PermitLimit"/> requests per <see cref="Window"/>, the next <see cref="QueueLimit"/> waiting for the next window.</summary>
public sealed class WindowLimit
{
    /// <summary>Requests allowed in each window.</summary>
    public int PermitLimit { get; set; }

    /// <summary>The window's length (<c>00:00:01</c> is one second).</summary>
    public TimeSpan Window { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Requests past the limit that wait for the next window rather than being refused at once; 0 refuses them.</summary>
    public int QueueLimit { get; set; }
}
