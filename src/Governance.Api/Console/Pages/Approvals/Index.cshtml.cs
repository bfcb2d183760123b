using Governance.Api.Endpoints;
using Governance.Core.Infrastructure.Data;
using Governance.Core.Workflow.Requests;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Governance.Api.Console.Pages.Approvals;

/// <summary>
/// The approvers' queue: pending requests, oldest first, each with the approvals it needs and has as the JSON API's
/// list computes them (<see cref="RequestPreviewer.ReviewAllAsync"/>), paged by the API's rules.
/// </summary>
public sealed class ApprovalQueueModel(GovernanceDbContext db, RequestPreviewer previews, TimeProvider time) : PageModel
{
    /// <summary>The requests on this page of the queue.</summary>
    public IReadOnlyList<QueueRow> Rows { get; private set; } = [];

    /// <summary>This page's number, from 1.</summary>
    public int PageNumber { get; private set; } = 1;

    /// <summary>Requests per page.</summary>
    public int PageSize { get; private set; } = Paging.DefaultSize;

    /// <summary>Pending requests in all.</summary>
    public int Total { get; private set; }

    /// <summary>Why the page asked for cannot be shown (a bad <c>page</c> or <c>pageSize</c>).</summary>
    public string? PagingError { get; private set; }

    /// <summary>The time ages are computed at.</summary>
    public DateTimeOffset Now { get; private set; }

    /// <summary>True when a later page holds more.</summary>
    public bool HasNext => PageNumber * (long)PageSize < Total;

    /// <summary>Reads the page of the queue that <c>page</c> and <c>pageSize</c> in the query name.</summary>
    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Now = time.GetUtcNow();
        if (Paging.Read(Request.Query["page"], Request.Query["pageSize"], out var paging) is { } invalid)
        {
            PagingError = $"The page asked for cannot be shown: {invalid.Detail}.";
            var refused = Page();
            refused.StatusCode = StatusCodes.Status400BadRequest;
            return refused;
        }
        (PageNumber, PageSize) = (paging.Page, paging.Size);
        var pending = db.AccessRequests.AsNoTracking().Where(static r => r.Status == AccessRequestStatus.Pending);
        Total = await pending.CountAsync(cancellationToken);
        var items = await pending.OrderBy(static r => r.CreatedAt).ThenBy(static r => r.Id)
            .Skip(paging.Skip).Take(paging.Size).ToListAsync(cancellationToken);
        var reviews = await previews.ReviewAllAsync(items, cancellationToken);
        Rows = [.. items.Select((r, i) => new QueueRow(r, reviews[i]))];
        return Page();
    }

    /// <summary>The address of page <paramref name="page"/> at this page's size.</summary>
    public string PageLink(int page)
        => PageSize == Paging.DefaultSize
            ? FormattableString.Invariant($"/approvals?page={page}")
            : FormattableString.Invariant($"/approvals?page={page}&pageSize={PageSize}");
}
