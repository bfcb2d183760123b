using Governance.Api.Auth;
using Governance.Api.Endpoints;
using Governance.Core.Infrastructure.Data;
using Governance.Core.Results;
using Governance.Core.Workflow.Requests;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Governance.Api.Console.Pages.MyRequests;

/// <summary>
/// The signed-in person's own access requests, newest first, a page at a time, with a cancel button on pending ones
/// (<see cref="AccessRequestService.CancelAsync"/>, authorized by <see cref="RequestAccessRules"/> as the API's cancel is).
/// </summary>
public sealed class IndexModel(GovernanceDbContext db, AccessRequestService requests, IAuthorizationService authorization, ILogger<IndexModel> logger)
    : PageModel
{
    /// <summary>The <c>pageSize</c> asked for, kept in the links to other pages.</summary>
    public string? PageSize => Request.Query["pageSize"];

    /// <summary>What the last action did, after its redirect: <c>cancelled</c>.</summary>
    [BindProperty(SupportsGet = true, Name = "done")]
    public string? Done { get; set; }

    /// <summary>The requests of this page.</summary>
    public IReadOnlyList<AccessRequest> Requests { get; private set; } = [];

    /// <summary>The page shown, from 1.</summary>
    public int Shown { get; private set; } = 1;

    /// <summary>Requests a page.</summary>
    public int Size { get; private set; } = Endpoints.Paging.DefaultSize;

    /// <summary>How many requests the person has made.</summary>
    public int Total { get; private set; }

    /// <summary>Why the last action was refused.</summary>
    public string? Problem { get; private set; }

    /// <summary>True when a later page exists.</summary>
    public bool HasNext => (long)Shown * Size < Total;

    /// <summary>Lists the requests of the page that <c>page</c> and <c>pageSize</c> in the query name (read from the query: Razor Pages route by <c>page</c>).</summary>
    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (Endpoints.Paging.Read(Request.Query["page"], PageSize, out var paging) is not null)
        {
            return NotFound();
        }
        await LoadAsync(paging, cancellationToken);
        return Page();
    }

    /// <summary>Cancels the pending request <paramref name="id"/>, as <c>POST /v1/access-requests/{id}/cancel</c> does.</summary>
    public async Task<IActionResult> OnPostCancelAsync(Guid id, CancellationToken cancellationToken)
    {
        var actor = User.ToActor();
        var outcome = await requests.CancelAsync(actor, id, null,
            RequestAccessRules.ForDecision(authorization, User, decides: false), cancellationToken);
        if (outcome.Success)
        {
            logger.RequestDecided(id, "cancelled", actor.Id, outcome.Value!.Status);
            return Redirect("/my-requests?done=cancelled");
        }
        logger.OperationRefused("cancelled", outcome.Error.Code);
        if (outcome.Error.Kind == GovernanceErrorKind.NotFound)
        {
            return NotFound();
        }
        Problem = outcome.Error.Detail;
        await LoadAsync(new Paging(1, Endpoints.Paging.DefaultSize), cancellationToken);
        var page = Page();
        page.StatusCode = StatusCodes.Status409Conflict;
        return page;
    }

    private async Task LoadAsync(Paging paging, CancellationToken cancellationToken)
    {
        (Shown, Size) = (paging.Page, paging.Size);
        var subject = User.SubjectId();
        var own = db.AccessRequests.AsNoTracking().Where(r => r.RequesterId == subject);
        Total = await own.CountAsync(cancellationToken);
        Requests = await own.OrderByDescending(static r => r.CreatedAt).ThenByDescending(static r => r.Id)
            .Skip(paging.Skip).Take(paging.Size).ToListAsync(cancellationToken);
    }
}
