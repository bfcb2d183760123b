namespace Governance.Core.OrganizationCopy;

/// <summary>
/// One version of the service's copy of the organisation: which document each snapshot file holds, by content hash.
/// Written once, never changed; the highest <see cref="Version"/> is the current picture every node answers from.
/// </summary>
/// <remarks>
/// Versions are numbered by their writer as the current head plus one, and the number is the key: two nodes that
/// change the copy at once cannot both write the same version, and the one refused applies its change again on top of
/// the other's (<c>OrganizationStore</c>).
/// </remarks>
public sealed class OrganizationVersion
{
    /// <summary>The version number: 1 for the first copy, one more for each change.</summary>
    public long Version { get; init; }

    /// <summary>When it was written.</summary>
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>Why it was written: the seed, a refresh, or the grant whose provisioning or revocation changed it.</summary>
    public string Reason { get; init; } = string.Empty;

    /// <summary>The snapshot's files: a JSON object from each relative path to the SHA-256 (hex) of its content.</summary>
    public string Manifest { get; init; } = string.Empty;
}
