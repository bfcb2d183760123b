using CsCheck;
using Governance.Core.AuditTrail;

namespace Governance.Core.Tests.AuditTrail.Checkpoints;

/// <summary>Any single edit, insertion or deletion in a fully checkpointed chain is found, at its sequence.</summary>
public sealed class AuditTrailVerifierProperties : IDisposable
{
    private readonly EphemeralSigner _signer = new();

    public void Dispose() => _signer.Dispose();

    private enum Tampering
    {
        EditRechained,
        EditInPlace,
        InsertRechained,
        DeleteRechained,
        DeleteInPlace,
    }

    [Fact]
    public void Verify_AnySingleTampering_IsFoundAtItsSequence()
    {
        var cases = from count in Gen.Int[1, 40]
                    from every in Gen.Int[1, 12]
                    from at in Gen.Int[1, count]
                    from tampering in Gen.Enum<Tampering>()
                    select (count, every, at, tampering);

        cases.Sample(c =>
        {
            // Arrange
            var trail = MemoryTrail.CreateAsync(c.count, c.every, _signer).GetAwaiter().GetResult();
            Tamper(trail, c.at - 1, c.tampering);

            // Act
            var result = trail.VerifyAsync(_signer.PublicKey).GetAwaiter().GetResult();

            // Assert
            return !result.Valid && result.Problem!.Sequence == c.at;
        }, iter: 300);
    }

    private static void Tamper(MemoryTrail trail, int index, Tampering tampering)
    {
        var e = trail.Events[index];
        switch (tampering)
        {
            case Tampering.EditRechained:
                trail.Events[index] = new AuditEvent(e.Sequence, e.OccurredAt, "mallory", e.Action, e.RequestId, e.GrantId, e.Before, e.After, e.PreviousHash);
                trail.RechainFrom(index + 1);
                break;
            case Tampering.EditInPlace:
                trail.Events[index] = AuditEvent.Restore(e.Sequence, e.OccurredAt, e.Actor, "request.approved", e.RequestId, e.GrantId, e.Before, e.After, e.PreviousHash, e.Hash);
                break;
            case Tampering.InsertRechained:
                trail.Events.Insert(index, MemoryTrail.Event(e.Sequence, "mallory", e.PreviousHash));
                trail.RechainFrom(index);
                break;
            case Tampering.DeleteRechained:
                trail.Events.RemoveAt(index);
                trail.RechainFrom(index);
                break;
            case Tampering.DeleteInPlace:
                trail.Events.RemoveAt(index);
                break;
        }
    }
}
