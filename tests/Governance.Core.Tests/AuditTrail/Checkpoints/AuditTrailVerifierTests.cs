using Governance.Core.AuditTrail;
using Governance.Core.AuditTrail.Checkpoints;

namespace Governance.Core.Tests.AuditTrail.Checkpoints;

/// <summary>Each kind of tampering against a chain of 25 events signed in checkpoints of 10 (1–10, 11–20, 21–25).</summary>
public sealed class AuditTrailVerifierTests : IDisposable
{
    private readonly EphemeralSigner _signer = new();

    public void Dispose() => _signer.Dispose();

    private Task<MemoryTrail> TrailAsync(int count = 25) => MemoryTrail.CreateAsync(count, 10, _signer);

    [Fact]
    public async Task Verify_UntouchedTrailWithUnsignedTail_IsValidAndCountsTheTail()
    {
        // Arrange
        var trail = await TrailAsync();
        trail.Append(4);

        // Act
        var result = await trail.VerifyAsync(_signer.PublicKey);

        // Assert
        Assert.True(result.Valid, result.Problem?.Message);
        Assert.Equal(29, result.Events);
        Assert.Equal(3, result.CheckpointsVerified);
        Assert.Equal(25, result.LastCheckpointSequence);
        Assert.Equal(4, result.EventsNotCheckpointed);
        Assert.Equal(trail.Events[^1].Hash, result.HeadHash);
    }

    [Fact]
    public async Task Verify_EmptyTrail_IsValid()
    {
        // Act
        var result = await new MemoryTrail().VerifyAsync(_signer.PublicKey);

        // Assert
        Assert.True(result.Valid);
        Assert.Equal(0, result.Events);
        Assert.Null(result.LastCheckpointSequence);
    }

    [Fact]
    public async Task Verify_EventEditedWithoutRecomputing_IsAltered()
    {
        // Arrange
        var trail = await TrailAsync();
        var e = trail.Events[11];
        trail.Events[11] = AuditEvent.Restore(e.Sequence, e.OccurredAt, "mallory", e.Action, e.RequestId, e.GrantId, e.Before, e.After, e.PreviousHash, e.Hash);

        // Act
        var result = await trail.VerifyAsync(_signer.PublicKey);

        // Assert
        AssertProblem(result, AuditProblemKind.EventAltered, 12);
        Assert.Equal(11, result.Events);
    }

    [Fact]
    public async Task Verify_EventEditedAndSuccessorsRechained_IsNotAsSigned()
    {
        // Arrange
        var trail = await TrailAsync();
        var e = trail.Events[4];
        trail.Events[4] = new AuditEvent(5, e.OccurredAt, "mallory", e.Action, e.RequestId, e.GrantId, e.Before, e.After, e.PreviousHash);
        trail.RechainFrom(5);

        // Act
        var result = await trail.VerifyAsync(_signer.PublicKey);

        // Assert
        AssertProblem(result, AuditProblemKind.EventNotAsSigned, 5);
    }

    [Fact]
    public async Task Verify_EventDeleted_IsMissing()
    {
        // Arrange
        var trail = await TrailAsync();
        trail.Events.RemoveAt(14);

        // Act
        var result = await trail.VerifyAsync(_signer.PublicKey);

        // Assert
        AssertProblem(result, AuditProblemKind.EventMissing, 15);
    }

    [Fact]
    public async Task Verify_TailDeleted_IsTruncatedAtTheFirstDeleted()
    {
        // Arrange
        var trail = await TrailAsync();
        trail.Events.RemoveRange(22, 3);

        // Act
        var result = await trail.VerifyAsync(_signer.PublicKey);

        // Assert
        AssertProblem(result, AuditProblemKind.ChainTruncated, 23);
        Assert.Contains("up to 25", result.Problem!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_WholeCheckpointsTruncated_IsTruncatedAtTheFirstDeleted()
    {
        // Arrange: events 11–25 gone, two checkpoints past the chain's end
        var trail = await TrailAsync();
        trail.Events.RemoveRange(10, 15);

        // Act
        var result = await trail.VerifyAsync(_signer.PublicKey);

        // Assert
        AssertProblem(result, AuditProblemKind.ChainTruncated, 11);
    }

    [Fact]
    public async Task Verify_CheckpointSignedByAnotherKey_IsInvalid()
    {
        // Arrange: mallory re-signs checkpoint 11–20 over rewritten events with her own key
        var trail = await TrailAsync();
        using var mallory = new EphemeralSigner();
        var original = trail.Checkpoints[1];
        trail.Checkpoints[1] = await AuditCheckpoint.SignAsync(mallory, 11, original.EventHashes, original.PreviousSignature, original.CreatedAt, CancellationToken.None);

        // Act
        var result = await trail.VerifyAsync(_signer.PublicKey);

        // Assert
        AssertProblem(result, AuditProblemKind.CheckpointInvalid, 11);
        Assert.Contains(mallory.PublicKey.KeyId, result.Problem!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_CheckpointHashAlteredKeepingItsSignature_IsInvalid()
    {
        // Arrange
        var trail = await TrailAsync();
        var c = trail.Checkpoints[2];
        trail.Checkpoints[2] = c with { EventHashes = c.EventHashes.SetItem(0, new string('a', 64)) };

        // Act
        var result = await trail.VerifyAsync(_signer.PublicKey);

        // Assert
        AssertProblem(result, AuditProblemKind.CheckpointInvalid, 21);
    }

    [Fact]
    public async Task Verify_CheckpointRemovedFromTheMiddle_IsMissing()
    {
        // Arrange
        var trail = await TrailAsync();
        trail.Checkpoints.RemoveAt(1);

        // Act
        var result = await trail.VerifyAsync(_signer.PublicKey);

        // Assert
        AssertProblem(result, AuditProblemKind.CheckpointMissing, 11);
    }

    [Fact]
    public async Task Verify_FirstCheckpointRemoved_IsMissingFromEvent1()
    {
        // Arrange
        var trail = await TrailAsync();
        trail.Checkpoints.RemoveAt(0);

        // Act
        var result = await trail.VerifyAsync(_signer.PublicKey);

        // Assert
        AssertProblem(result, AuditProblemKind.CheckpointMissing, 1);
    }

    [Fact]
    public async Task Verify_ValidCheckpointNotLinkedToThePreviousOne_IsChainBroken()
    {
        // Arrange: a correctly signed checkpoint that names another predecessor (as a replayed older one would)
        var trail = await TrailAsync();
        var c = trail.Checkpoints[1];
        trail.Checkpoints[1] = await AuditCheckpoint.SignAsync(_signer, c.From, c.EventHashes, trail.Checkpoints[2].Signature, c.CreatedAt, CancellationToken.None);

        // Act
        var result = await trail.VerifyAsync(_signer.PublicKey);

        // Assert
        AssertProblem(result, AuditProblemKind.CheckpointChainBroken, 11);
    }

    [Fact]
    public async Task Verify_TriggerMissing_NamesTheFirstEventNotSigned()
    {
        // Arrange
        var trail = await TrailAsync();
        trail.Append(2);

        // Act
        var result = await trail.VerifyAsync(_signer.PublicKey, new AuditTriggerStatus(AuditTriggerState.Missing, ["audit_events_no_delete"]));

        // Assert
        AssertProblem(result, AuditProblemKind.TriggerMissing, 26);
        Assert.Contains("`audit_events_no_delete`", result.Problem!.Message, StringComparison.Ordinal);
        Assert.Equal(2, result.EventsNotCheckpointed);
    }

    [Fact]
    public async Task Verify_EventsAfterTheLastCheckpointRechained_AreNotDetected()
    {
        // Arrange: the documented limit: events not yet signed are protected by the chain alone
        var trail = await TrailAsync();
        trail.Append(3);
        var e = trail.Events[26];
        trail.Events[26] = new AuditEvent(27, e.OccurredAt, "mallory", e.Action, e.RequestId, e.GrantId, e.Before, e.After, e.PreviousHash);
        trail.RechainFrom(27);

        // Act
        var result = await trail.VerifyAsync(_signer.PublicKey);

        // Assert
        Assert.True(result.Valid);
        Assert.Equal(3, result.EventsNotCheckpointed);
    }

    private static void AssertProblem(AuditTrailVerification result, AuditProblemKind kind, long sequence)
    {
        Assert.False(result.Valid);
        Assert.Equal(kind, result.Problem!.Kind);
        Assert.Equal(sequence, result.Problem.Sequence);
    }
}
