using System.Globalization;
using Governance.Core.AuditTrail;
using Governance.Core.Results;

namespace Governance.Api.Questions;

/// <summary>
/// Which audit events a reader asked for: by request, grant, actor, action or time, all optional and combined. The one rule
/// behind <c>GET /v1/audit/events</c> and the console's audit page; each orders the events its own way.
/// </summary>
/// <param name="RequestId">Events about this request.</param>
/// <param name="GrantId">Events about this grant.</param>
/// <param name="Actor">Events by this actor id, exactly.</param>
/// <param name="Action">Events of this action (such as <c>request.approved</c>), exactly.</param>
/// <param name="From">Events at or after this time.</param>
/// <param name="To">Events before this time.</param>
internal sealed record AuditEventFilter(Guid? RequestId, Guid? GrantId, string? Actor, string? Action, DateTimeOffset? From, DateTimeOffset? To)
{
    /// <summary>
    /// Reads a time bound: ISO 8601, UTC unless it names an offset (a browser's date-and-time field sends it without one).
    /// Blank is no bound; anything else is an error naming <paramref name="field"/>.
    /// </summary>
    public static GovernanceError? TryParseTime(string? text, string field, out DateTimeOffset? time)
    {
        time = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        if (!DateTimeOffset.TryParse(text.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed))
        {
            return GovernanceError.Invalid(field, $"`{FreeTextPreview(text)}` is not a time; use ISO 8601 such as 2026-12-04T09:30Z");
        }
        time = parsed;
        return null;
    }

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
        if (From is { } from)
        {
            events = events.Where(e => e.OccurredAt >= from);
        }
        if (To is { } to)
        {
            events = events.Where(e => e.OccurredAt < to);
        }
        return events;
    }

    private static string FreeTextPreview(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
