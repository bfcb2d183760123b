using System.Reflection;
using Governance.Api.Questions;
using Governance.Core.AuditTrail;
using Governance.Core.Infrastructure.Data;
using Governance.Core.Results;
using Governance.Core.Workflow;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Governance.Api.Console.Pages.Audit;

/// <summary>
/// The audit events, newest first, filtered as <c>GET /v1/audit/events</c> filters them (request, grant, actor, action,
/// time), a page at a time. Approvers and admins (the folder's rule).
/// </summary>
public sealed class IndexModel(GovernanceDbContext db) : PageModel
{
    /// <summary>Events shown on a page.</summary>
    public const int PageSize = 50;

    /// <summary>The actions the service records, for the action filter.</summary>
    public static readonly IReadOnlyList<string> Actions = [.. typeof(AuditActions)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(static f => f.IsLiteral && f.FieldType == typeof(string))
        .Select(static f => (string)f.GetRawConstantValue()!)
        .Order(StringComparer.Ordinal)];

    /// <summary>Events by this actor id.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Actor { get; set; }

    /// <summary>Events of this action.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Action { get; set; }

    /// <summary>Events about this request (its id).</summary>
    [BindProperty(SupportsGet = true)]
    public string? RequestId { get; set; }

    /// <summary>Events about this grant (its id).</summary>
    [BindProperty(SupportsGet = true)]
    public string? GrantId { get; set; }

    /// <summary>Events at or after this time (UTC).</summary>
    [BindProperty(SupportsGet = true)]
    public string? From { get; set; }

    /// <summary>Events before this time (UTC).</summary>
    [BindProperty(SupportsGet = true)]
    public string? To { get; set; }

    /// <summary>The page of results, from 1.</summary>
    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    /// <summary>Why a filter cannot be used, by its field's name.</summary>
    public Dictionary<string, string> FieldErrors { get; } = new(StringComparer.Ordinal);

    /// <summary>The events of this page, newest first.</summary>
    public IReadOnlyList<AuditEventRow> Events { get; private set; } = [];

    /// <summary>How many events match the filters.</summary>
    public int Total { get; private set; }

    /// <summary>The last page's number.</summary>
    public int LastPage => Math.Max(1, (Total + PageSize - 1) / PageSize);

    /// <summary>True when any filter is set.</summary>
    public bool Filtered => new[] { Actor, Action, RequestId, GrantId, From, To }.Any(static f => !string.IsNullOrWhiteSpace(f));

    /// <summary>Lists the events that match.</summary>
    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var request = ParseId(RequestId, nameof(RequestId), "request id");
        var grant = ParseId(GrantId, nameof(GrantId), "grant id");
        Note(AuditEventFilter.TryParseTime(From, nameof(From), out var from));
        Note(AuditEventFilter.TryParseTime(To, nameof(To), out var to));
        if (FieldErrors.Count > 0)
        {
            return;
        }
        PageNumber = Math.Max(1, PageNumber);
        var query = new AuditEventFilter(request, grant, Actor, Action, from, to).Apply(db.AuditEvents.AsNoTracking());
        Total = await query.CountAsync(cancellationToken);
        // Newest first here, unlike the API: a person on this page asks what happened lately.
        var events = await query.OrderByDescending(static e => e.Sequence).Skip((PageNumber - 1) * PageSize).Take(PageSize).ToListAsync(cancellationToken);
        Events = [.. events.Select(AuditEventRow.From)];
    }

    /// <summary>The query string of this list at page <paramref name="page"/>, keeping the filters.</summary>
    public Dictionary<string, string> RouteFor(int page)
    {
        var route = new Dictionary<string, string>(StringComparer.Ordinal);
        void Keep(string name, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                route[name] = value;
            }
        }
        Keep("actor", Actor);
        Keep("action", Action);
        Keep("requestId", RequestId);
        Keep("grantId", GrantId);
        Keep("from", From);
        Keep("to", To);
        route["p"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return route;
    }

    private Guid? ParseId(string? text, string field, string name)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        if (Guid.TryParse(text.Trim(), out var id))
        {
            return id;
        }
        FieldErrors[field] = $"The {name} must be an id such as 3f2504e0-4f89-11d3-9a0c-0305e82c3301.";
        return null;
    }

    private void Note(GovernanceError? error)
    {
        if (error?.Fields is { } fields)
        {
            foreach (var (field, messages) in fields)
            {
                FieldErrors[field] = string.Join(" ", messages);
            }
        }
    }
}
