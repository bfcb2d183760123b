using System.Security.Cryptography;

namespace Governance.Core.AuditTrail.Checkpoints;

/// <summary>The public half of the checkpoint signing key: what an auditor needs to verify checkpoints offline.</summary>
public sealed class AuditPublicKey
{
    private const string P256Oid = "1.2.840.10045.3.1.7";

    private readonly byte[] _subjectPublicKeyInfo;

    private AuditPublicKey(byte[] subjectPublicKeyInfo)
    {
        _subjectPublicKeyInfo = subjectPublicKeyInfo;
        KeyId = Convert.ToHexStringLower(SHA256.HashData(subjectPublicKeyInfo));
        Pem = PemEncoding.WriteString("PUBLIC KEY", subjectPublicKeyInfo);
    }

    /// <summary>Lower-case hex SHA-256 of the key's DER SubjectPublicKeyInfo; every checkpoint names it.</summary>
    public string KeyId { get; }

    /// <summary>The key as PEM (<c>-----BEGIN PUBLIC KEY-----</c>), as <c>openssl pkey -pubout</c> writes it.</summary>
    public string Pem { get; }

    /// <summary>The public key of <paramref name="key"/>.</summary>
    public static AuditPublicKey Of(ECDsa key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return new AuditPublicKey(key.ExportSubjectPublicKeyInfo());
    }

    /// <summary>Reads a PEM public key (or the public half of a PEM private key).</summary>
    /// <returns>The key, or why the text is not an ECDSA P-256 key.</returns>
    public static (AuditPublicKey? Key, string? Error) FromPem(string pem)
    {
        ArgumentNullException.ThrowIfNull(pem);
        using var ecdsa = ECDsa.Create();
        try
        {
            ecdsa.ImportFromPem(pem);
        }
        catch (ArgumentException)
        {
            return (null, "not a PEM-encoded EC public key");
        }
        catch (CryptographicException)
        {
            return (null, "not a PEM-encoded EC public key");
        }
        return ecdsa.ExportParameters(false).Curve.Oid.Value == P256Oid
            ? (Of(ecdsa), null)
            : (null, "the key is not on the P-256 curve");
    }

    /// <summary>Whether <paramref name="signature"/> (base64, IEEE P1363) is this key's signature of <paramref name="data"/>.</summary>
    public bool Verify(byte[] data, string signature)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(signature);
        var bytes = new byte[signature.Length];
        if (!Convert.TryFromBase64String(signature, bytes, out var written))
        {
            return false;
        }
        using var ecdsa = ECDsa.Create();
        ecdsa.ImportSubjectPublicKeyInfo(_subjectPublicKeyInfo, out _);
        return ecdsa.VerifyData(data, bytes.AsSpan(0, written), HashAlgorithmName.SHA256);
    }
}
