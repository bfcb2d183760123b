using Governance.Core.Infrastructure.Data;
using Governance.Core.Results;
using Governance.Core.Workflow.Grants;
using Microsoft.EntityFrameworkCore;

namespace Governance.Core.Workflow.Requests;

/// <summary><see cref="RequesterLimits"/> counted in the database, so every node of a cluster counts the same.</summary>
public static class RequesterLimitCheck
{
    /// <summary>Why <paramref name="requesterId"/> may not submit now; null when they may.</summary>
    public static async Task<GovernanceError?> WhyNotSubmitAsync(this RequesterLimits limits, GovernanceDbContext db, string requesterId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(limits);
        ArgumentNullException.ThrowIfNull(db);
        var hourAgo = now.AddHours(-1);
        var recent = await db.AccessRequests.AsNoTracking()
            .Where(r => r.RequesterId == requesterId && r.CreatedAt > hourAgo)
            .OrderBy(static r => r.CreatedAt)
            .Select(static r => r.CreatedAt)
            .Take(limits.MaxSubmissionsPerHour)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        if (recent.Count >= limits.MaxSubmissionsPerHour)
        {
            return Refuse($"at most {limits.MaxSubmissionsPerHour} submissions an hour per requester", recent[0].AddHours(1) - now);
        }
        var pending = await db.AccessRequests.CountAsync(r => r.RequesterId == requesterId && r.Status == AccessRequestStatus.Pending, cancellationToken)
            .ConfigureAwait(false);
        if (pending >= limits.MaxPendingRequests)
        {
            return Refuse($"at most {limits.MaxPendingRequests} pending requests per requester; cancel one or wait for a decision", TimeSpan.FromMinutes(5));
        }
        var activeEnds = await db.Grants.AsNoTracking()
            .Where(g => g.RequesterId == requesterId && g.Status == GrantStatus.Active)
            .OrderBy(static g => g.EndsAt)
            .Select(static g => g.EndsAt)
            .Take(limits.MaxActiveGrants)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return activeEnds.Count >= limits.MaxActiveGrants
            ? Refuse($"at most {limits.MaxActiveGrants} active grants per requester; end one early (POST /v1/grants/{{id}}/revoke) or wait for one to expire",
                activeEnds[0] - now)
            : null;
    }

    private static GovernanceError Refuse(string detail, TimeSpan retryAfter)
        => new(GovernanceErrorKind.TooManyRequests, ProblemCodes.RequesterLimitReached, detail)
        {
            RetryAfter = retryAfter < TimeSpan.FromSeconds(1) ? TimeSpan.FromSeconds(1) : retryAfter,
        };
}
