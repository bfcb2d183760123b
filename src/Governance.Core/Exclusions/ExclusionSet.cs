using System.Collections.Immutable;
using System.Globalization;

namespace Governance.Core.Exclusions;

/// <summary>The entries of one exclusions file: the one owner of which finding an exclusion hides, and of when it stops.</summary>
/// <param name="Source">The file, as the user named it; warnings name it.</param>
/// <param name="Entries">The entries, in file order.</param>
/// <remarks>Pure: the time is the caller's (<see cref="TimeProvider"/>), so an expiry is tested with a fake clock.</remarks>
public sealed record ExclusionSet(string Source, ImmutableArray<Exclusion> Entries)
{
    /// <summary>No exclusions: every finding counts.</summary>
    public static ExclusionSet None { get; } = new(string.Empty, []);

    /// <summary>The first entry, in file order, that matches <paramref name="target"/> and has not expired at <paramref name="now"/>; null when none.</summary>
    public Exclusion? ActiveMatch(ExclusionTarget target, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(target);
        foreach (var entry in Entries)
        {
            if (entry.IsActiveAt(now) && entry.Finding.Matches(target))
            {
                return entry;
            }
        }
        return null;
    }

    /// <summary>
    /// The entries that need a look after a run over <paramref name="targets"/> (every finding of the run, excluded or
    /// not): each expired one, and each active one that matches none of them.
    /// </summary>
    public ImmutableArray<ExclusionWarning> Review(IEnumerable<ExclusionTarget> targets, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(targets);
        var all = targets.ToList();
        var warnings = ImmutableArray.CreateBuilder<ExclusionWarning>();
        foreach (var entry in Entries)
        {
            var matches = all.Count(entry.Finding.Matches);
            var expires = entry.Expires.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            if (!entry.IsActiveAt(now))
            {
                var counted = matches == 0 ? "it matches no finding either" : $"the {Findings(matches)} it matched count again";
                warnings.Add(new ExclusionWarning(Source, entry.Line, entry.Column, ExclusionWarningKind.Expired,
                    $"exclusion ({entry.Finding}) expired on {expires}; {counted}: renew it after a new review, or remove it"));
            }
            else if (matches == 0)
            {
                warnings.Add(new ExclusionWarning(Source, entry.Line, entry.Column, ExclusionWarningKind.Stale,
                    $"exclusion ({entry.Finding}) matches no finding; remove it, or fix what it matches"));
            }
        }
        return warnings.ToImmutable();
    }

    private static string Findings(int count) => count == 1 ? "finding" : $"{count} findings";
}
