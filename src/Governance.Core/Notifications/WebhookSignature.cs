using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Governance.Core.Notifications;

/// <summary>
/// The signature of the JSON form, as Stripe signs its webhooks: <c>X-Signature: t=UNIX_SECONDS,v1=HEX</c>, where HEX is
/// the lower-case hex HMAC-SHA256, keyed with the webhook's secret, of the UTF-8 bytes of <c>t + "." + body</c>.
/// </summary>
/// <remarks>
/// The timestamp is inside the signed text, so a receiver that refuses timestamps older than a few minutes
/// (<see cref="Verify"/>, <see cref="DefaultTolerance"/>) refuses a captured request replayed later; repeats within that
/// window share an <c>X-Event-Id</c>, which receivers keep to drop them.
/// </remarks>
public static class WebhookSignature
{
    /// <summary>The signature header.</summary>
    public const string Header = "X-Signature";

    /// <summary>The event id header, the same for every attempt of one event.</summary>
    public const string EventIdHeader = "X-Event-Id";

    /// <summary>The event type header.</summary>
    public const string EventTypeHeader = "X-Event-Type";

    /// <summary>How far a timestamp may be from the receiver's clock: 5 minutes, as Stripe's libraries default to.</summary>
    public static TimeSpan DefaultTolerance { get; } = TimeSpan.FromMinutes(5);

    /// <summary>The header value for <paramref name="body"/> sent at <paramref name="unixSeconds"/>.</summary>
    public static string Sign(string secret, long unixSeconds, string body)
    {
        ArgumentException.ThrowIfNullOrEmpty(secret);
        ArgumentNullException.ThrowIfNull(body);
        return string.Create(CultureInfo.InvariantCulture, $"t={unixSeconds},v1={Hex(secret, unixSeconds, body)}");
    }

    /// <summary>
    /// Checks a received <paramref name="header"/> against the raw <paramref name="body"/>: well formed, one <c>v1</c>
    /// matches (in constant time), and the timestamp is within <paramref name="tolerance"/> of <paramref name="now"/>.
    /// </summary>
    public static SignatureCheck Verify(string? header, string body, string secret, DateTimeOffset now, TimeSpan tolerance)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentException.ThrowIfNullOrEmpty(secret);
        long? timestamp = null;
        var signatures = new List<string>();
        foreach (var part in (header ?? string.Empty).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (part.StartsWith("t=", StringComparison.Ordinal) && long.TryParse(part.AsSpan(2), NumberStyles.None, CultureInfo.InvariantCulture, out var t))
            {
                timestamp = t;
            }
            else if (part.StartsWith("v1=", StringComparison.Ordinal))
            {
                signatures.Add(part[3..]);
            }
        }
        if (timestamp is not { } at || signatures.Count == 0)
        {
            return SignatureCheck.Malformed;
        }
        var expected = Encoding.ASCII.GetBytes(Hex(secret, at, body));
        if (!signatures.Any(s => CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(s), expected)))
        {
            return SignatureCheck.Mismatch;
        }
        return Math.Abs(now.ToUnixTimeSeconds() - at) > tolerance.TotalSeconds ? SignatureCheck.Stale : SignatureCheck.Valid;
    }

    private static string Hex(string secret, long unixSeconds, string body)
    {
        var signed = Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{unixSeconds}.{body}"));
        return Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), signed));
    }
}
