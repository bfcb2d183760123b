using System.Text;
using System.Text.Json;
using Governance.Core.Infrastructure.Signing;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Governance.Api.Tests.Infrastructure;

/// <summary>Real signed JWTs, good and bad.</summary>
internal static class TestTokens
{
    public static string Valid(LocalSigningKey key, string subject, params string[] roles)
        => Minted(LocalTokenIssuer.Mint(key, subject, roles, TimeSpan.FromMinutes(30), TimeProvider.System));

    /// <summary>Expired an hour ago (well past the 30-second clock skew).</summary>
    public static string Expired(LocalSigningKey key, string subject, params string[] roles)
    {
        var past = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(TimeProvider.System.GetUtcNow().AddHours(-2));
        return Minted(LocalTokenIssuer.Mint(key, subject, roles, TimeSpan.FromMinutes(60), past));
    }

    /// <summary>Signed with a key the service has never seen (same issuer, audience and key id).</summary>
    public static string WronglySigned(LocalSigningKey key, string subject, params string[] roles)
    {
        var other = new SymmetricSecurityKey(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)) { KeyId = key.KeyId };
        return Create(new SigningCredentials(other, SecurityAlgorithms.HmacSha256), LocalSigningKey.Audience, subject, roles);
    }

    public static string WrongAudience(LocalSigningKey key, string subject, params string[] roles)
        => Create(new SigningCredentials(key.Key, SecurityAlgorithms.HmacSha256), "some-other-api", subject, roles);

    /// <summary>Signed with the service's key, but naming another issuer.</summary>
    public static string WrongIssuer(LocalSigningKey key, string subject, params string[] roles)
        => Create(new SigningCredentials(key.Key, SecurityAlgorithms.HmacSha256), LocalSigningKey.Audience, subject, roles, issuer: "https://issuer.example.com");

    /// <summary>Signed with the service's key, valid only from an hour ahead (well past the clock skew).</summary>
    public static string NotYetValid(LocalSigningKey key, string subject, params string[] roles)
        => Create(new SigningCredentials(key.Key, SecurityAlgorithms.HmacSha256), LocalSigningKey.Audience, subject, roles, from: TimeSpan.FromHours(1));

    /// <summary>Signed with HS512 (a 64-byte key under the service key's id): an algorithm the service does not accept.</summary>
    public static string OtherAlgorithm(LocalSigningKey key, string subject, params string[] roles)
    {
        var other = new SymmetricSecurityKey(System.Security.Cryptography.RandomNumberGenerator.GetBytes(64)) { KeyId = key.KeyId };
        return Create(new SigningCredentials(other, SecurityAlgorithms.HmacSha512), LocalSigningKey.Audience, subject, roles);
    }

    /// <summary>An unsigned token (<c>alg: none</c>) with otherwise valid claims.</summary>
    public static string AlgNone(string subject, params string[] roles)
    {
        var now = DateTimeOffset.FromUnixTimeSeconds(TimeProvider.System.GetUtcNow().ToUnixTimeSeconds());
        var header = Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes("""{"alg":"none","typ":"JWT"}"""));
        var payload = Base64UrlEncoder.Encode(JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object>
        {
            ["iss"] = LocalSigningKey.Issuer,
            ["aud"] = LocalSigningKey.Audience,
            ["sub"] = subject,
            ["role"] = roles,
            ["iat"] = now.ToUnixTimeSeconds(),
            ["nbf"] = now.ToUnixTimeSeconds(),
            ["exp"] = now.AddMinutes(30).ToUnixTimeSeconds(),
        }));
        return Minted($"{header}.{payload}.");
    }

    /// <summary>Correctly signed for <paramref name="subject"/> as given, even one the service must refuse (null: no <c>sub</c>).</summary>
    public static string WithAnySubject(LocalSigningKey key, string? subject, params string[] roles)
        => Create(new SigningCredentials(key.Key, SecurityAlgorithms.HmacSha256), LocalSigningKey.Audience, subject, roles);

    /// <summary>Correctly signed, with <c>sub</c> an array of two names: whom it names is not one person.</summary>
    public static string WithTwoSubjects(LocalSigningKey key, string first, string second, params string[] roles)
        => Create(new SigningCredentials(key.Key, SecurityAlgorithms.HmacSha256), LocalSigningKey.Audience, new[] { first, second }, roles);

    private static string Create(SigningCredentials credentials, string audience, object? subject, string[] roles, string issuer = LocalSigningKey.Issuer,
        TimeSpan from = default)
    {
        var now = TimeProvider.System.GetUtcNow().UtcDateTime;
        return Minted(new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            IssuedAt = now,
            NotBefore = now + from,
            Expires = now + from + TimeSpan.FromMinutes(30),
            SigningCredentials = credentials,
            Claims = subject is null
                ? new Dictionary<string, object> { ["role"] = roles }
                : new Dictionary<string, object> { ["sub"] = subject, ["role"] = roles },
        }));
    }

    /// <summary>Registers a token with the run's log scan, which fails if any host logs it.</summary>
    private static string Minted(string token)
    {
        Logs.SecretScanningLoggerProvider.Run.AddSecret(token, "minted JWT");
        return token;
    }
}
