using System.Globalization;
using Governance.Core.AuditTrail;
using Governance.Core.Drift.Records;
using Governance.Core.Infrastructure.Data;
using Governance.Core.Risk;
using Governance.Core.Workflow;
using Governance.Core.Workflow.Grants;
using Governance.Core.Workflow.Requests;
using Microsoft.EntityFrameworkCore;

namespace Governance.Core.Notifications;

/// <summary>
/// Turns what happened into notification events and their deliveries (the outbox): the audit chain's workflow events
/// (read by a cursor), new drift reports (read by a cursor), and active grants about to end (a scan, once per grant).
/// </summary>
/// <remarks>
/// Runs inside the database's write lock (<see cref="GovernanceDbContext.BeginWriteAsync"/>), so that of several nodes
/// feeding at once only one reads each range, and an event is recorded once. The audit chain is the source because every
/// state change is already written there in its own transaction: a request never waits for a webhook, and an event
/// committed before a crash is still read after it. A cursor starts at the source's head when first created, so
/// turning webhooks on does not replay history. Only events some webhook receives are recorded.
/// </remarks>
public sealed class NotificationFeed(GovernanceDbContext db, NotificationOptions options, TimeProvider time)
{
    private const int Batch = 500;

    /// <summary>Records the events since the last feed, with one delivery per webhook that receives each; returns how many.</summary>
    public async Task<int> FeedAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        // Most passes find nothing: they are answered by reads, and the write lock, which holds up the workflow's writers, is left alone.
        if (!await HasWorkAsync(now, cancellationToken).ConfigureAwait(false))
        {
            return 0;
        }
        await using var transaction = await db.BeginWriteAsync(cancellationToken).ConfigureAwait(false);
        List<NotificationEvent> events =
        [
            .. await FromAuditAsync(cancellationToken).ConfigureAwait(false),
            .. await FromDriftReportsAsync(cancellationToken).ConfigureAwait(false),
            .. await EndingGrantsAsync(now, cancellationToken).ConfigureAwait(false),
        ];
        var recorded = 0;
        foreach (var notification in events)
        {
            var receivers = options.Webhooks.Where(h => h.Receives(notification.Type)).ToList();
            if (receivers.Count == 0)
            {
                continue;
            }
            db.NotificationEvents.Add(notification);
            db.WebhookDeliveries.AddRange(receivers.Select(h => new WebhookDelivery(Guid.NewGuid(), notification, h.Name, now)));
            recorded++;
        }
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return recorded;
    }

    /// <summary>Whether a cursor is missing or behind its source, or a grant's ending notice is due (read without the lock).</summary>
    private async Task<bool> HasWorkAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var cursors = await db.NotificationCursors.AsNoTracking().ToDictionaryAsync(static c => c.Name, static c => c.Position, cancellationToken)
            .ConfigureAwait(false);
        if (!cursors.TryGetValue(NotificationCursor.Audit, out var audit) || !cursors.TryGetValue(NotificationCursor.Drift, out var drift))
        {
            return true;
        }
        if (await db.AuditEvents.AnyAsync(e => e.Sequence > audit, cancellationToken).ConfigureAwait(false))
        {
            return true;
        }
        var after = new DateTimeOffset(drift, TimeSpan.Zero);
        if (await db.DriftReports.AnyAsync(r => r.RanAt > after, cancellationToken).ConfigureAwait(false))
        {
            return true;
        }
        return options.Webhooks.Any(static h => h.Receives(NotificationTypes.GrantEnding))
            && (await EndingGrantsAsync(now, cancellationToken).ConfigureAwait(false)).Count > 0;
    }

    private async Task<List<NotificationEvent>> FromAuditAsync(CancellationToken cancellationToken)
    {
        var cursor = await db.NotificationCursors.FindAsync([NotificationCursor.Audit], cancellationToken).ConfigureAwait(false);
        if (cursor is null)
        {
            var head = await db.AuditEvents.MaxAsync(static e => (long?)e.Sequence, cancellationToken).ConfigureAwait(false) ?? 0;
            db.NotificationCursors.Add(new NotificationCursor { Name = NotificationCursor.Audit, Position = head });
            return [];
        }
        var read = await db.AuditEvents.AsNoTracking()
            .Where(e => e.Sequence > cursor.Position)
            .OrderBy(static e => e.Sequence)
            .Take(Batch)
            .Select(static e => new { e.Sequence, e.OccurredAt, e.Actor, e.Action, e.RequestId, e.GrantId })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        if (read.Count == 0)
        {
            return [];
        }
        cursor.Position = read[^1].Sequence;
        var relevant = read.Where(static e => TypeOf(e.Action) is not null).ToList();
        var requestIds = relevant.Where(static e => e.RequestId is not null).Select(static e => e.RequestId!.Value).Distinct().ToList();
        var requests = await db.AccessRequests.AsNoTracking()
            .Where(r => requestIds.Contains(r.Id))
            .Select(static r => new { r.Id, r.RequesterId, r.PermissionSet, r.TargetRoleName })
            .ToDictionaryAsync(static r => r.Id, cancellationToken).ConfigureAwait(false);
        return [.. relevant.Select(e =>
        {
            var (type, detail) = TypeOf(e.Action)!.Value;
            var request = e.RequestId is { } id && requests.TryGetValue(id, out var r) ? r : null;
            var what = request is null ? "an access request" : $"`{request.PermissionSet}` on `{request.TargetRoleName}` for `{request.RequesterId}`";
            var summary = type switch
            {
                NotificationTypes.RequestSubmitted => $"`{e.Actor}` asks for {(request is null ? "access" : $"`{request.PermissionSet}` on `{request.TargetRoleName}`")}",
                NotificationTypes.RequestDecided => $"{what}: {detail} by `{e.Actor}`",
                NotificationTypes.RequestExpired => $"{what}: expired while pending",
                NotificationTypes.GrantActivated => $"{what}: access is active",
                _ => $"{what}: access ended ({detail})",
            };
            return new NotificationEvent(Guid.NewGuid(), $"audit:{e.Sequence.ToString(CultureInfo.InvariantCulture)}", type, e.OccurredAt, e.Actor, detail,
                summary, e.RequestId, e.GrantId, null);
        })];
    }

    /// <summary>The notification an audited action gives, with its detail; null for actions webhooks are not told about.</summary>
    private static (string Type, string? Detail)? TypeOf(string action) => action switch
    {
        AuditActions.RequestCreated => (NotificationTypes.RequestSubmitted, null),
        AuditActions.RequestApproved => (NotificationTypes.RequestDecided, "approved"),
        AuditActions.RequestDenied => (NotificationTypes.RequestDecided, "denied"),
        AuditActions.RequestExpired => (NotificationTypes.RequestExpired, null),
        AuditActions.GrantProvisioned => (NotificationTypes.GrantActivated, null),
        AuditActions.GrantRevoked => (NotificationTypes.GrantEnded, "revoked"),
        AuditActions.GrantExpired => (NotificationTypes.GrantEnded, "expired"),
        _ => null,
    };

    private async Task<List<NotificationEvent>> FromDriftReportsAsync(CancellationToken cancellationToken)
    {
        var cursor = await db.NotificationCursors.FindAsync([NotificationCursor.Drift], cancellationToken).ConfigureAwait(false);
        if (cursor is null)
        {
            var latest = await db.DriftReports.MaxAsync(static r => (DateTimeOffset?)r.RanAt, cancellationToken).ConfigureAwait(false);
            db.NotificationCursors.Add(new NotificationCursor { Name = NotificationCursor.Drift, Position = latest?.UtcTicks ?? 0 });
            return [];
        }
        var after = new DateTimeOffset(cursor.Position, TimeSpan.Zero);
        // Reports are written by the drift job, one at a time across the cluster, so they arrive in RanAt order.
        var reports = await db.DriftReports.AsNoTracking()
            .Where(r => r.RanAt > after)
            .OrderBy(static r => r.RanAt)
            .Take(20)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var events = new List<NotificationEvent>();
        foreach (var record in reports)
        {
            cursor.Position = record.RanAt.UtcTicks;
            // The service wrote the JSON itself; a report it cannot read back has nothing to say here.
            if (record.Critical + record.High == 0 || DriftReportContent.TryExpand(record.Content) is not { } json
                || DriftReportJson.Read(json, "drift report").Value is not { } report)
            {
                continue;
            }
            var fresh = await NewSevereFindingsAsync(report, cancellationToken).ConfigureAwait(false);
            if (fresh.Count == 0)
            {
                continue;
            }
            var critical = fresh.Count(static f => f.Severity == RiskSeverity.Critical);
            var summary = string.Create(CultureInfo.InvariantCulture,
                $"drift audit of {report.RanAt.UtcDateTime:yyyy-MM-dd HH:mm} UTC: {critical} new Critical and {fresh.Count - critical} new High finding(s), such as {fresh[0].Kind} on `{fresh[0].Principal}`");
            events.Add(new NotificationEvent(Guid.NewGuid(), $"drift:{record.Id:D}", NotificationTypes.DriftFindings, record.RanAt, null,
                null, summary, null, null, record.Id));
        }
        return events;
    }

    /// <summary>
    /// The report's Critical and High findings the report it was compared with did not have. A <see cref="DriftKind.NewRisk"/>
    /// finding is new by definition (the audit compared it already); the others are compared by kind, principal, severity and detail.
    /// </summary>
    private async Task<List<DriftFinding>> NewSevereFindingsAsync(DriftReport report, CancellationToken cancellationToken)
    {
        var severe = report.Findings.Where(static f => f.Severity is RiskSeverity.Critical or RiskSeverity.High).ToList();
        if (report.Previous is null)
        {
            return severe;
        }
        var previousId = report.Previous.Id;
        var previousJson = await db.DriftReports.AsNoTracking().Where(r => r.Id == previousId).Select(static r => r.Content)
            .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        var previous = previousJson is null || DriftReportContent.TryExpand(previousJson) is not { } json ? null : DriftReportJson.Read(json, "drift report").Value;
        var before = previous?.Findings.ToHashSet() ?? [];
        return [.. severe.Where(f => f.Kind == DriftKind.NewRisk || !before.Contains(f))];
    }

    private async Task<List<NotificationEvent>> EndingGrantsAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var horizon = now + options.GrantEndingNotice;
        var ending = await db.Grants.AsNoTracking()
            .Where(g => g.Status == GrantStatus.Active && g.EndsAt > now && g.EndsAt <= horizon)
            .Select(static g => new { g.Id, g.RequestId, g.RequesterId, g.PermissionSet, g.TargetRoleName, g.StartsAt, g.EndsAt })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        // A grant no longer than the notice period is ending from its start: its activation already said when it ends.
        ending.RemoveAll(g => g.EndsAt - g.StartsAt <= options.GrantEndingNotice);
        if (ending.Count == 0)
        {
            return [];
        }
        var keys = ending.Select(static g => EndingKey(g.Id)).ToList();
        var known = (await db.NotificationEvents.AsNoTracking().Where(e => keys.Contains(e.SourceKey)).Select(static e => e.SourceKey)
            .ToListAsync(cancellationToken).ConfigureAwait(false)).ToHashSet(StringComparer.Ordinal);
        return [.. ending.Where(g => !known.Contains(EndingKey(g.Id))).Select(g => new NotificationEvent(Guid.NewGuid(), EndingKey(g.Id),
            NotificationTypes.GrantEnding, now, null, null,
            string.Create(CultureInfo.InvariantCulture, $"`{g.PermissionSet}` on `{g.TargetRoleName}` for `{g.RequesterId}`: access ends at {g.EndsAt.UtcDateTime:yyyy-MM-dd HH:mm} UTC"),
            g.RequestId, g.Id, null))];
    }

    private static string EndingKey(Guid grantId) => $"grant-ending:{grantId:D}";
}
