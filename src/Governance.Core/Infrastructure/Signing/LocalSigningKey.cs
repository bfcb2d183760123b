using System.Security.Cryptography;
using System.Text.Json;
using Governance.Core.Infrastructure.Files;
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
    /// <exception cref="InvalidDataException">The key file is open to other users, unreadable or not a key.</exception>
    public static LocalSigningKey LoadOrCreate(string dataDirectory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dataDirectory);
        var path = Path.Combine(dataDirectory, FileName);
        if (Directory.Exists(path))
        {
            throw new InvalidDataException($"the signing key `{path}` is a folder; it must be a file (move the folder away to generate a new key)");
        }
        if (!File.Exists(path))
        {
            try
            {
                Create(dataDirectory, path);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new InvalidDataException($"the signing key `{path}` cannot be created by this user: {e.Message}", e);
            }
        }
        return Read(path);
    }

    private static void Create(string dataDirectory, string path)
    {
        Directory.CreateDirectory(dataDirectory);
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
            options.UnixCreateMode = OwnerOnlyFile.Mode;
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

    /// <exception cref="InvalidDataException">The file is open to others, cannot be read, or holds no usable key; the message names the file and the fix.</exception>
    private static LocalSigningKey Read(string path)
    {
        string text;
        try
        {
            if (OwnerOnlyFile.Refusal(path, "the signing key") is { } exposed)
            {
                throw new InvalidDataException(exposed);
            }
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InvalidDataException($"the signing key `{path}` cannot be read by this user ({e.Message}); it must be the service user's, mode 0600", e);
        }
        var notAKey = $"the signing key `{path}` is not a JWK with a base64url `k` of at least {KeyBytes} bytes; delete it to generate a new one (tokens signed with it stop working)";
        byte[] key;
        try
        {
            using var document = JsonDocument.Parse(text);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("k", out var k) || k.ValueKind != JsonValueKind.String)
            {
                throw new InvalidDataException(notAKey);
            }
            key = Base64UrlEncoder.DecodeBytes(k.GetString());
        }
        catch (Exception e) when (e is JsonException or FormatException or ArgumentException)
        {
            throw new InvalidDataException(notAKey, e);
        }
        return key.Length >= KeyBytes ? new LocalSigningKey(key) : throw new InvalidDataException(notAKey);
    }
}
