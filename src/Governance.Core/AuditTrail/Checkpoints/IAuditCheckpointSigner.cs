namespace Governance.Core.AuditTrail.Checkpoints;

/// <summary>Signs checkpoints with a private key the database never holds.</summary>
/// <remarks>
/// The embedded default is <see cref="AuditCheckpointKeyFile"/>, a key file beside the database. In production the
/// key belongs in a KMS (an asymmetric ECC_NIST_P256 key whose private half never leaves it, signing with
/// ECDSA_SHA_256): an implementation of this interface would call its Sign API. None is built here.
/// </remarks>
public interface IAuditCheckpointSigner
{
    /// <summary>The public half, published for verification.</summary>
    AuditPublicKey PublicKey { get; }

    /// <summary>Signs <paramref name="data"/>: ECDSA P-256 with SHA-256, IEEE P1363 (r‖s) encoding.</summary>
    Task<byte[]> SignAsync(byte[] data, CancellationToken cancellationToken);
}
