using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.IdentityModel.Tokens;

namespace Governance.Core.Infrastructure.Signing;

/// <summary>
/// The embedded default's token signing key: an HMAC-SHA256 key generated on first use in the data folder
/// (<c>signing-key.json</c>, a JWK, mode 0600), shared by the API (which validates) and <c>iamgov token</c> (which mints).
/// </summary>
/// <remarks>Only HS256 is accepted with it; the issuer and audience are fixed so that tokens from elsewhere never match.</remarks>
public sealed class LocalSigningKey
{
    /// <summary>The key file's name in the data folder.</summary>
    public const string FileName = "signing-key.json";

    /// <summary>The issuer of locally minted tokens.</summary>
    public const string Issuer = "iamgov-local";

    /// <summary>The audience of locally minted tokens.</summary>
    public const string Audience = "iamgov-api";

    /// <summary>The only algorithm signed with and accepted.</summary>
    public const string Algorithm = SecurityAlgorithms.HmacSha256;

    private const int KeyBytes = 32;

    private LocalSigningKey(byte[] key)
    {
        KeyId = Base64UrlEncoder.Encode(SHA256.HashData(key).AsSpan(0, 8).ToArray());
        Key = new SymmetricSecurityKey(key) { KeyId = KeyId };
    }

    /// <summary>The key, for signing and validating.</summary>
    public SymmetricSecurityKey Key { get; }

    /// <summary>The key id written in token headers (derived from the key, not secret).</summary>
    public string KeyId { get; }

    /// <summary>Reads the key from <paramref name="dataDirectory"/>, creating it there on first use.</summary>
    /// <remarks>Safe when the API and the CLI start together: the file appears by an atomic rename, and whoever loses
    /// the race reads the winner's key.</remarks>
    public static LocalSigningKey LoadOrCreate(string dataDirectory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dataDirectory);
        Directory.CreateDirectory(dataDirectory);
        var path = Path.Combine(dataDirectory, FileName);
        if (!File.Exists(path))
        {
            var jwk = JsonSerializer.Serialize(new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["kty"] = "oct",
                ["alg"] = "HS256",
                ["use"] = "sig",
                ["k"] = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(KeyBytes)),
            });
            var temp = $"{path}.{Guid.NewGuid():N}.tmp";
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }
            using (var writer = new StreamWriter(temp, System.Text.Encoding.UTF8, options))
            {
                writer.Write(jwk);
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
        return Read(path);
    }

    /// <summary>Validation parameters for tokens signed with this key.</summary>
    /// <param name="roleClaim">The claim that carries roles.</param>
    /// <param name="clockSkew">Tolerance for clock differences.</param>
    public TokenValidationParameters ValidationParameters(string roleClaim, TimeSpan clockSkew) => new()
    {
        ValidateIssuer = true,
        ValidIssuer = Issuer,
        ValidateAudience = true,
        ValidAudience = Audience,
        ValidateLifetime = true,
        RequireExpirationTime = true,
        RequireSignedTokens = true,
        ValidateIssuerSigningKey = true,
        IssuerSigningKey = Key,
        ValidAlgorithms = [Algorithm],
        ClockSkew = clockSkew,
        NameClaimType = "sub",
        RoleClaimType = roleClaim,
    };

    private static LocalSigningKey Read(string path)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("k", out var k) || k.ValueKind != JsonValueKind.String)
        {
            throw new InvalidDataException($"`{path}` is not a signing key (a JWK with `k`); delete it to generate a new one");
        }
        var key = Base64UrlEncoder.DecodeBytes(k.GetString());
        return key.Length >= KeyBytes
            ? new LocalSigningKey(key)
            : throw new InvalidDataException($"`{path}` holds a key of {key.Length} bytes; at least {KeyBytes} are needed");
    }
}
