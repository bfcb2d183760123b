namespace Governance.Core.AuditTrail.Checkpoints;

/// <summary>One stored checkpoint as read: the checkpoint, or why its content cannot be read.</summary>
/// <param name="Name">Its name in the store (a file name).</param>
/// <param name="From">The first sequence it covers, as its name says; its content decides when it can be read.</param>
/// <param name="Checkpoint">The checkpoint, when its content could be read.</param>
/// <param name="Error">Why not.</param>
public sealed record StoredCheckpoint(string Name, long From, AuditCheckpoint? Checkpoint, string? Error);
