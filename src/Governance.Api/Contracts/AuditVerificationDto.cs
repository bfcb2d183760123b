using Governance.Core.AuditTrail;

namespace Governance.Api.Contracts;

/// <summary>The result of <c>GET /v1/audit/verify</c>.</summary>
/// <param name="Valid">True when the whole chain verifies.</param>
/// <param name="Events">Events checked (up to the first broken one).</param>
/// <param name="FirstBrokenSequence">The first event that does not verify.</param>
/// <param name="Reason">Why.</param>
/// <param name="HeadHash">The last verified hash.</param>
public sealed record AuditVerificationDto(bool Valid, long Events, long? FirstBrokenSequence, string? Reason, string? HeadHash)
{
    /// <summary>Maps the domain result.</summary>
    public static AuditVerificationDto From(AuditVerification v)
    {
        ArgumentNullException.ThrowIfNull(v);
        return new(v.Valid, v.Events, v.FirstBrokenSequence, v.Reason, v.HeadHash);
    }
}
