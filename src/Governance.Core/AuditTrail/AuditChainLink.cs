namespace Governance.Core.AuditTrail;

/// <summary>The one rule of a link in the audit chain, shared by the database walk and the offline verifier.</summary>
internal static class AuditChainLink
{
    /// <summary>Why <paramref name="e"/> breaks the chain, or null when it holds.</summary>
    internal static string? Check(AuditEvent e, long expectedSequence, string previousHash)
    {
        if (e.Sequence != expectedSequence)
        {
            return $"expected event {expectedSequence}, found {e.Sequence}: events are missing";
        }
        if (!string.Equals(e.PreviousHash, previousHash, StringComparison.Ordinal))
        {
            return $"event {e.Sequence} does not link to the hash of event {e.Sequence - 1}";
        }
        var recomputed = AuditHasher.Compute(e);
        return string.Equals(recomputed, e.Hash, StringComparison.Ordinal)
            ? null
            : $"event {e.Sequence} was altered: its content does not match its hash";
    }
}
