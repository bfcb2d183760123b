using System.Security.Cryptography;
using System.Text;

namespace Governance.Core.AuditTrail.Checkpoints;

/// <summary>
/// The embedded default's checkpoint signer: an ECDSA P-256 private key in a PEM file (PKCS#8), outside the database.
/// </summary>
/// <remarks>
/// The default file is created on first start in the data folder, mode 0600. A file that group or others may read or
/// write is refused, as SSH refuses an unprotected private key: a key others can read signs nothing anyone should trust.
/// A configured file (production) must exist; it is never created. This protects against a database writer, not against
/// someone who can read the service's files: that is what a KMS key is for (see <see cref="IAuditCheckpointSigner"/>).
/// </remarks>
public sealed class AuditCheckpointKeyFile : IAuditCheckpointSigner, IDisposable
{
    /// <summary>The default file's name in the data folder.</summary>
    public const string DefaultFileName = "audit-checkpoint-key.pem";

    private const UnixFileMode OthersAccess = UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute
        | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;

    private readonly ECDsa _key;

    private AuditCheckpointKeyFile(ECDsa key, string path)
    {
        _key = key;
        Path = path;
        PublicKey = AuditPublicKey.Of(key);
    }

    /// <summary>The key file.</summary>
    public string Path { get; }

    /// <inheritdoc />
    public AuditPublicKey PublicKey { get; }

    /// <summary>Reads the key from <paramref name="path"/>, creating it first when <paramref name="create"/> and it does not exist.</summary>
    /// <exception cref="InvalidDataException">The file is missing, unreadable, not a P-256 private key, or open to group or others; the message names it in one line.</exception>
    public static AuditCheckpointKeyFile Load(string path, bool create)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (Directory.Exists(path))
        {
            throw new InvalidDataException($"the audit checkpoint key `{path}` is a folder, not a key file");
        }
        if (!File.Exists(path))
        {
            if (!create)
            {
                throw new InvalidDataException($"the audit checkpoint key `{path}` does not exist (Governance:Audit:Checkpoints:KeyFile)");
            }
            CreateKeyFile(path);
        }
        if (!OperatingSystem.IsWindows() && (File.GetUnixFileMode(path) & OthersAccess) != 0)
        {
            throw new InvalidDataException(
                $"the audit checkpoint key `{path}` is accessible by group or others (mode {Convert.ToString((int)File.GetUnixFileMode(path), 8)}); run `chmod 600 {path}`");
        }
        string pem;
        try
        {
            pem = File.ReadAllText(path, Encoding.ASCII);
        }
        catch (IOException e)
        {
            throw new InvalidDataException($"the audit checkpoint key `{path}` cannot be read: {e.Message}", e);
        }
        catch (UnauthorizedAccessException e)
        {
            throw new InvalidDataException($"the audit checkpoint key `{path}` cannot be read: {e.Message}", e);
        }
        var key = ECDsa.Create();
        try
        {
            key.ImportFromPem(pem);
            if (key.KeySize != 256 || key.ExportParameters(false).Curve.Oid.Value != "1.2.840.10045.3.1.7")
            {
                throw new CryptographicException("not a P-256 key");
            }
            // A public key alone imports too, but cannot sign.
            _ = key.ExportECPrivateKey();
        }
        catch (Exception e) when (e is ArgumentException or CryptographicException)
        {
            key.Dispose();
            throw new InvalidDataException($"the audit checkpoint key `{path}` is not a PEM ECDSA P-256 private key", e);
        }
        return new AuditCheckpointKeyFile(key, path);
    }

    /// <inheritdoc />
    public Task<byte[]> SignAsync(byte[] data, CancellationToken cancellationToken)
        => Task.FromResult(_key.SignData(data, HashAlgorithmName.SHA256));

    /// <inheritdoc />
    public void Dispose() => _key.Dispose();

    /// <summary>Writes a new key by temp file and rename, so that two processes starting together end with one key.</summary>
    private static void CreateKeyFile(string path)
    {
        var folder = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path))!;
        Directory.CreateDirectory(folder);
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var temp = $"{path}.{Guid.NewGuid():N}.tmp";
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }
        using (var stream = new FileStream(temp, options))
        {
            stream.Write(Encoding.ASCII.GetBytes(key.ExportPkcs8PrivateKeyPem()));
            stream.Flush(flushToDisk: true);
        }
        try
        {
            File.Move(temp, path, overwrite: false);
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another process created it first; use theirs.
        }
        finally
        {
            File.Delete(temp);
        }
    }
}
