using Governance.Core.AuditTrail.Checkpoints;

namespace Governance.Api.Contracts;

/// <summary>The result of <c>GET /v1/audit/public-key</c>: what an auditor verifies checkpoints with.</summary>
/// <param name="KeyId">Lower-case hex SHA-256 of the key's SubjectPublicKeyInfo, as every checkpoint names it.</param>
/// <param name="Algorithm">The signature algorithm.</param>
/// <param name="Pem">The public key, PEM.</param>
public sealed record AuditPublicKeyDto(string KeyId, string Algorithm, string Pem)
{
    /// <summary>Maps the key.</summary>
    public static AuditPublicKeyDto From(AuditPublicKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return new(key.KeyId, AuditCheckpointFormat.Algorithm, key.Pem);
    }
}
