using System.Globalization;

namespace Governance.Api.Console.Pages.Requests;

/// <summary>Moments as the request pages write them: in UTC to the minute, and ages in words.</summary>
internal static class TimeText
{
    /// <summary><c>2026-12-04 13:51 UTC</c>.</summary>
    public static string Utc(DateTimeOffset moment) => moment.ToUniversalTime().ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    /// <summary>The <c>datetime</c> attribute of a <c>&lt;time&gt;</c> element.</summary>
    public static string Machine(DateTimeOffset moment) => moment.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>How long ago <paramref name="then"/> was at <paramref name="now"/>, in the largest whole unit: "3 hours ago".</summary>
    public static string Ago(DateTimeOffset then, DateTimeOffset now)
    {
        var age = now - then;
        return age switch
        {
            { TotalMinutes: < 1 } => "just now",
            { TotalHours: < 1 } => Count((int)age.TotalMinutes, "minute") + " ago",
            { TotalDays: < 1 } => Count((int)age.TotalHours, "hour") + " ago",
            _ => Count((int)age.TotalDays, "day") + " ago",
        };
    }

    private static string Count(int n, string unit) => string.Create(CultureInfo.InvariantCulture, $"{n} {unit}{(n == 1 ? "" : "s")}");
}
