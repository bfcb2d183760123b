using Governance.Core.AuditTrail;

namespace Governance.Api.Questions;

/// <summary>
/// Which audit events a reader asked for: by request, grant, actor or action, all optional and combined. The one rule
/// behind <c>GET /v1/audit/events</c> and the console's audit page; each orders the events its own way.
/// </summary>
/// <param name="RequestId">Events about this request.</param>
/// <param name="GrantId">Events about this grant.</param>
/// <param name="Actor">Events by this actor id, exactly.</param>
/// <param name="Action">Events of this action (such as <c>request.approved</c>), exactly.</param>
internal sealed record AuditEventFilter(Guid? RequestId, Guid? GrantId, string? Actor, string? Action)
{
    /// <summary>No filter: every event.</summary>
    public static readonly AuditEventFilter None = new(null, null, null, null);

    /// <summary>The events of <paramref name="events"/> that match.</summary>
    public IQueryable<AuditEvent> Apply(IQueryable<AuditEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        if (RequestId is { } r)
        {
            events = events.Where(e => e.RequestId == r);
        }
        if (GrantId is { } g)
        {
            events = events.Where(e => e.GrantId == g);
        }
        // Blank means "any", as an empty field of the console's form sends it.
        if (!string.IsNullOrWhiteSpace(Actor))
        {
            var actor = Actor.Trim();
            events = events.Where(e => e.Actor == actor);
        }
        if (!string.IsNullOrWhiteSpace(Action))
        {
            var action = Action.Trim();
            events = events.Where(e => e.Action == action);
        }
        return events;
    }
}
