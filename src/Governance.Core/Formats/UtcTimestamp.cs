using System.Globalization;

namespace Governance.Core.Formats;

/// <summary>
/// The one text form of a moment in every answer the service, the scheduler and <c>iamgov</c> give: UTC, ISO 8601, six
/// fractional digits and a <c>Z</c>, as <c>2026-12-04T19:23:02.123456Z</c>.
/// </summary>
/// <remarks>
/// Microseconds, not milliseconds: PostgreSQL keeps microseconds, so every stored time is shown whole, and the audit
/// chain's hashed <c>occurredAt</c> (<c>AuditHasher</c>) is this same text, so an event's answer is the hashed value.
/// Digits beyond the sixth are cut, never rounded (rounding could move a time past the next second). Written strictly;
/// read leniently (<see cref="TryParse"/>), because documents written before this form (drift reports, previews) hold
/// others.
/// </remarks>
public static class UtcTimestamp
{
    /// <summary>The custom format string of <see cref="Format"/>.</summary>
    public const string Pattern = "yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'";

    /// <summary>Example of the form, for documentation and messages.</summary>
    public const string Example = "2026-12-04T19:23:02.123456Z";

    /// <summary><paramref name="moment"/> in the one form.</summary>
    public static string Format(DateTimeOffset moment) => moment.UtcDateTime.ToString(Pattern, CultureInfo.InvariantCulture);

    /// <summary>Reads exactly the one form; false for anything else.</summary>
    public static bool TryParseExact(string? text, out DateTimeOffset moment)
        => DateTimeOffset.TryParseExact(text, Pattern, CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out moment);

    /// <summary>
    /// Reads any ISO 8601 date and time with an offset or <c>Z</c> (or none, taken as UTC), as UTC: the lenient reading for
    /// documents written in older forms and for times a caller sends.
    /// </summary>
    public static bool TryParse(string? text, out DateTimeOffset moment)
    {
        moment = default;
        if (string.IsNullOrWhiteSpace(text) || !text.Contains('T', StringComparison.Ordinal))
        {
            return false;
        }
        if (!DateTimeOffset.TryParse(text.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed))
        {
            return false;
        }
        moment = parsed.ToUniversalTime();
        return true;
    }
}
