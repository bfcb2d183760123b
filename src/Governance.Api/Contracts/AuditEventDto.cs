using Governance.Core.AuditTrail;

namespace Governance.Api.Contracts;

/// <summary>An audit event, with the exact texts its hash covers.</summary>
/// <param name="Sequence">Its position in the chain.</param>
/// <param name="OccurredAt">When.</param>
/// <param name="Actor">Who.</param>
/// <param name="Action">What.</param>
/// <param name="RequestId">The request concerned.</param>
/// <param name="GrantId">The grant concerned.</param>
/// <param name="Before">State before, as a JSON object whose raw text is the hashed text (<see cref="AuditStateText"/>).</param>
/// <param name="After">State after, as the same.</param>
/// <param name="PreviousHash">The previous event's hash.</param>
/// <param name="Hash">This event's hash.</param>
public sealed record AuditEventDto(long Sequence, DateTimeOffset OccurredAt, string Actor, string Action, Guid? RequestId, Guid? GrantId,
    StoredJson? Before, StoredJson? After, string PreviousHash, string Hash)
{
    /// <summary>Maps the entity.</summary>
    public static AuditEventDto From(AuditEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return new(e.Sequence, e.OccurredAt, e.Actor, e.Action, e.RequestId, e.GrantId, StoredJson.Of(e.Before), StoredJson.Of(e.After), e.PreviousHash, e.Hash);
    }
}
