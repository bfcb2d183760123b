namespace Governance.Core.AuditTrail;

/// <summary>The audit chain as a verifier reads it: from the database, or from an export.</summary>
public interface IAuditEventSource
{
    /// <summary>The events in the order stored (by sequence for the database, by line for an export), read in pages.</summary>
    /// <exception cref="InvalidDataException">An export line is not an event.</exception>
    IAsyncEnumerable<AuditEvent> ReadAsync(CancellationToken cancellationToken);
}
