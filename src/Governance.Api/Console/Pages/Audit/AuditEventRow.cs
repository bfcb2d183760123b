using Governance.Core.AuditTrail;

namespace Governance.Api.Console.Pages.Audit;

/// <summary>One audit event as the audit page's table shows it.</summary>
/// <param name="Sequence">Its position in the chain.</param>
/// <param name="OccurredAt">When.</param>
/// <param name="Actor">Who.</param>
/// <param name="Action">What.</param>
/// <param name="RequestId">The request concerned.</param>
/// <param name="GrantId">The grant concerned.</param>
/// <param name="Change">Its before and after states, summarised.</param>
public sealed record AuditEventRow(long Sequence, DateTimeOffset OccurredAt, string Actor, string Action, Guid? RequestId, Guid? GrantId,
    IReadOnlyList<string> Change)
{
    internal static AuditEventRow From(AuditEvent e)
        => new(e.Sequence, e.OccurredAt, e.Actor, e.Action, e.RequestId, e.GrantId, AuditStateSummary.Of(e.Before, e.After));
}
