using Governance.Core.Infrastructure.Data;
using Governance.Core.Results;
using Governance.Core.Workflow.Grants;
using Microsoft.EntityFrameworkCore;

namespace Governance.Core.Workflow.Requests;

/// <summary>
/// How much one requester may have at once (<c>Governance:Requests:Limits</c>): the one owner of the rule that keeps a
/// flood of submissions, automatically approved or not, from slowing the service for others or growing its state
/// without bound.
/// </summary>
/// <remarks>
/// Counted from the database, so every node of a cluster counts the same, and checked twice: before the preview is
/// computed (a refused flood costs no analysis) and again under the write lock (parallel submissions cannot pass the
/// limit together).
/// </remarks>
public sealed class RequesterLimits
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Governance:Requests:Limits";

    /// <summary>Grants active at once per requester; default 20.</summary>
    public int MaxActiveGrants { get; set; } = 20;

    /// <summary>Requests pending at once per requester; default 20.</summary>
    public int MaxPendingRequests { get; set; } = 20;

    /// <summary>Submissions per requester in any hour, whatever became of them; default 30.</summary>
    public int MaxSubmissionsPerHour { get; set; } = 30;

    /// <summary>Checks the values, naming the key of a wrong one.</summary>
    /// <returns>The problems; empty when the values are usable.</returns>
    public IEnumerable<string> Validate()
    {
        foreach (var (name, value) in new[]
        {
            (nameof(MaxActiveGrants), MaxActiveGrants), (nameof(MaxPendingRequests), MaxPendingRequests),
            (nameof(MaxSubmissionsPerHour), MaxSubmissionsPerHour),
        })
        {
            if (value < 1)
            {
                yield return $"{Section}:{name} must be at least 1; it is {value}";
            }
        }
    }

    /// <summary>Why <paramref name="requesterId"/> may not submit now; null when they may.</summary>
    public async Task<GovernanceError?> WhyNotSubmitAsync(GovernanceDbContext db, string requesterId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var hourAgo = now.AddHours(-1);
        var recent = await db.AccessRequests.AsNoTracking()
            .Where(r => r.RequesterId == requesterId && r.CreatedAt > hourAgo)
            .OrderBy(static r => r.CreatedAt)
            .Select(static r => r.CreatedAt)
            .Take(MaxSubmissionsPerHour)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        if (recent.Count >= MaxSubmissionsPerHour)
        {
            return Refuse($"at most {MaxSubmissionsPerHour} submissions an hour per requester", recent[0].AddHours(1) - now);
        }
        var pending = await db.AccessRequests.CountAsync(r => r.RequesterId == requesterId && r.Status == AccessRequestStatus.Pending, cancellationToken)
            .ConfigureAwait(false);
        if (pending >= MaxPendingRequests)
        {
            return Refuse($"at most {MaxPendingRequests} pending requests per requester; cancel one or wait for a decision", TimeSpan.FromMinutes(5));
        }
        var activeEnds = await db.Grants.AsNoTracking()
            .Where(g => g.RequesterId == requesterId && g.Status == GrantStatus.Active)
            .OrderBy(static g => g.EndsAt)
            .Select(static g => g.EndsAt)
            .Take(MaxActiveGrants)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return activeEnds.Count >= MaxActiveGrants
            ? Refuse($"at most {MaxActiveGrants} active grants per requester; end one early (POST /v1/grants/{{id}}/revoke) or wait for one to expire",
                activeEnds[0] - now)
            : null;
    }

    private static GovernanceError Refuse(string detail, TimeSpan retryAfter)
        => new(GovernanceErrorKind.TooManyRequests, ProblemCodes.RequesterLimitReached, detail)
        {
            RetryAfter = retryAfter < TimeSpan.FromSeconds(1) ? TimeSpan.FromSeconds(1) : retryAfter,
        };
}
