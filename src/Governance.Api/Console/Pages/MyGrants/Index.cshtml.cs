using Governance.Api.Auth;
using Governance.Core.Infrastructure.Data;
using Governance.Core.Results;
using Governance.Core.Workflow.Grants;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Governance.Api.Console.Pages.MyGrants;

/// <summary>
/// The signed-in person's grants: the active ones with the time left (on the service's clock), and the ones that ended
/// in the last <see cref="RecentDays"/> days; an active one can be ended now, as <c>POST /v1/grants/{id}/revoke</c>
/// does (<see cref="GrantService.RevokeAsync"/>, whose <see cref="GrantRevocationRules"/> decide who may).
/// </summary>
public sealed class IndexModel(GovernanceDbContext db, GrantService grants, TimeProvider time, ILogger<IndexModel> logger) : PageModel
{
    /// <summary>How far back ended grants are listed.</summary>
    public const int RecentDays = 30;

    /// <summary>The most grants of each kind shown.</summary>
    public const int MaxShown = 200;

    /// <summary>What the last action did, after its redirect: <c>ended</c>.</summary>
    [BindProperty(SupportsGet = true, Name = "done")]
    public string? Done { get; set; }

    /// <summary>The active grants, ending soonest first.</summary>
    public IReadOnlyList<Grant> Active { get; private set; } = [];

    /// <summary>Grants that ended recently, latest first.</summary>
    public IReadOnlyList<Grant> Ended { get; private set; } = [];

    /// <summary>The service's time now.</summary>
    public DateTimeOffset Now { get; private set; }

    /// <summary>Why the last action was refused.</summary>
    public string? Problem { get; private set; }

    /// <summary>Lists the grants.</summary>
    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    /// <summary>Ends the grant <paramref name="id"/> now.</summary>
    public async Task<IActionResult> OnPostEndAsync(Guid id, CancellationToken cancellationToken)
    {
        var actor = User.ToActor();
        var outcome = await grants.RevokeAsync(actor, id, "ended early by its requester in the console", cancellationToken);
        if (outcome.Success)
        {
            logger.GrantRevoked(id, actor.Id);
            return Redirect("/my-grants?done=ended");
        }
        logger.OperationRefused("revoke", outcome.Error.Code);
        if (outcome.Error.Kind == GovernanceErrorKind.NotFound)
        {
            return NotFound();
        }
        Problem = outcome.Error.Detail;
        await LoadAsync(cancellationToken);
        var page = Page();
        page.StatusCode = outcome.Error.Kind == GovernanceErrorKind.Conflict ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest;
        return page;
    }

    /// <summary>"3 h 20 min left": the time until <paramref name="end"/>, by the service's clock.</summary>
    public string Remaining(DateTimeOffset end)
    {
        var left = end - Now;
        if (left <= TimeSpan.Zero)
        {
            return "ending now";
        }
        var hours = (long)left.TotalHours;
        var minutes = (int)Math.Ceiling(left.TotalMinutes - hours * 60d);
        if (minutes == 60)
        {
            (hours, minutes) = (hours + 1, 0);
        }
        return hours > 0 ? $"{hours} h {minutes} min left" : $"{minutes} min left";
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Now = time.GetUtcNow();
        var subject = User.SubjectId();
        var own = db.Grants.AsNoTracking().Where(g => g.RequesterId == subject);
        // The clock may pass a grant's end before the expiry job records it: such a grant is shown as ending now.
        Active = await own.Where(static g => g.Status == GrantStatus.Active)
            .OrderBy(static g => g.EndsAt).Take(MaxShown).ToListAsync(cancellationToken);
        var since = Now.AddDays(-RecentDays);
        Ended = await own.Where(g => g.Status != GrantStatus.Active && (g.EndedAt ?? g.EndsAt) >= since)
            .OrderByDescending(static g => g.EndedAt ?? g.EndsAt).Take(MaxShown).ToListAsync(cancellationToken);
    }
}
