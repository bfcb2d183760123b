using Governance.Core.Workflow.Requests;

namespace Governance.Core.Hosting;

/// <summary>The <c>Governance:Requests</c> configuration section.</summary>
public sealed class RequestOptions
{
    /// <summary>The longest a request stays pending before the scheduler closes it as expired; default 7 days.</summary>
    public TimeSpan PendingTtl { get; set; } = TimeSpan.FromDays(7);

    /// <summary>How much one requester may have at once (<c>Governance:Requests:Limits</c>).</summary>
    public RequesterLimits Limits { get; set; } = new();
}
