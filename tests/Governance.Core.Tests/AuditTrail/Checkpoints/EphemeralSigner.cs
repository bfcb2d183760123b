using System.Security.Cryptography;
using Governance.Core.AuditTrail.Checkpoints;

namespace Governance.Core.Tests.AuditTrail.Checkpoints;

/// <summary>A P-256 key held in memory, standing for the key file or a KMS key.</summary>
internal sealed class EphemeralSigner : IAuditCheckpointSigner, IDisposable
{
    private readonly ECDsa _key = ECDsa.Create(ECCurve.NamedCurves.nistP256);

    public EphemeralSigner() => PublicKey = AuditPublicKey.Of(_key);

    public AuditPublicKey PublicKey { get; }

    public Task<byte[]> SignAsync(byte[] data, CancellationToken cancellationToken) => Task.FromResult(_key.SignData(data, HashAlgorithmName.SHA256));

    public void Dispose() => _key.Dispose();
}
