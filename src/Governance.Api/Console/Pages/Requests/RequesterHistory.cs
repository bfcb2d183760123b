using Governance.Core.Infrastructure.Data;
using Governance.Core.Workflow.Grants;
using Governance.Core.Workflow.Requests;
using Microsoft.EntityFrameworkCore;

namespace Governance.Api.Console.Pages.Requests;

/// <summary>A requester's past requests with their outcomes and grants, for the approver weighing a new one.</summary>
/// <param name="Recent">Their latest requests other than the one shown, most recent first, at most <see cref="MaxShown"/>.</param>
/// <param name="Requests">How many requests they made in all (the one shown included), by status.</param>
/// <param name="Grants">How many grants they received in all, by status.</param>
public sealed record RequesterHistory(IReadOnlyList<PastRequest> Recent, IReadOnlyDictionary<AccessRequestStatus, int> Requests,
    IReadOnlyDictionary<GrantStatus, int> Grants)
{
    /// <summary>The most past requests listed.</summary>
    public const int MaxShown = 10;

    /// <summary>Reads <paramref name="requesterId"/>'s history, leaving <paramref name="shown"/> out of the list.</summary>
    internal static async Task<RequesterHistory> LoadAsync(GovernanceDbContext db, string requesterId, Guid shown, CancellationToken cancellationToken)
    {
        var recent = await db.AccessRequests.AsNoTracking()
            .Where(r => r.RequesterId == requesterId && r.Id != shown)
            .OrderByDescending(static r => r.CreatedAt).ThenByDescending(static r => r.Id)
            .Take(MaxShown)
            .ToListAsync(cancellationToken);
        var grantIds = recent.Where(static r => r.GrantId is not null).Select(static r => r.GrantId!.Value).ToList();
        var grants = await db.Grants.AsNoTracking().Where(g => grantIds.Contains(g.Id)).ToDictionaryAsync(static g => g.Id, cancellationToken);
        var requests = await db.AccessRequests.AsNoTracking().Where(r => r.RequesterId == requesterId)
            .GroupBy(static r => r.Status).Select(static g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(static g => g.Key, static g => g.Count, cancellationToken);
        var grantCounts = await db.Grants.AsNoTracking().Where(g => g.RequesterId == requesterId)
            .GroupBy(static g => g.Status).Select(static g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(static g => g.Key, static g => g.Count, cancellationToken);
        return new RequesterHistory(
            [.. recent.Select(r => new PastRequest(r, r.GrantId is { } id && grants.TryGetValue(id, out var grant) ? grant : null))],
            requests, grantCounts);
    }
}
