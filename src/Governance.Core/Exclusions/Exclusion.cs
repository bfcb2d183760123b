using System.Text.Json.Serialization;

namespace Governance.Core.Exclusions;

/// <summary>One reviewed finding or accepted risk of <c>policies/exclusions.json</c>: what it matches, why, who approved it and until when.</summary>
/// <param name="Finding">The findings it matches.</param>
/// <param name="Reason">Why the finding is accepted.</param>
/// <param name="ApprovedBy">Who accepted it.</param>
/// <param name="Expires">The last day (UTC) it excludes; it must be renewed or removed after.</param>
/// <param name="Source">Its file, as the user named it.</param>
/// <param name="Line">The 1-based line of the entry in its file.</param>
/// <param name="Column">The 1-based column of the entry in its file.</param>
public sealed record Exclusion(ExclusionMatch Finding, string Reason, string ApprovedBy, DateOnly Expires, string Source, int Line, int Column)
{
    /// <summary>Whether it still excludes at <paramref name="now"/>: through the whole of <see cref="Expires"/>, UTC.</summary>
    public bool IsActiveAt(DateTimeOffset now) => now.UtcDateTime < Expires.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);

    /// <summary>Where it is written: <c>FILE:LINE:COLUMN</c>.</summary>
    [JsonIgnore]
    public string Place => $"{Source}:{Line}:{Column}";
}
