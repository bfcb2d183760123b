using Governance.Core.Exclusions;
using Microsoft.Extensions.Time.Testing;

namespace Governance.Core.Tests.Exclusions;

public sealed class ExclusionSetTests
{
    private const string Etl = "arn:aws:iam::111122223333:role/service-role/etl-runner";

    private static readonly ExclusionTarget EtlData = new(["DataExfiltration"], Etl, "111122223333", ["arn:aws:s3:::lake-raw"], "0123456789abcdef");

    private static Exclusion Entry(ExclusionMatch match, DateOnly? expires = null, int line = 3)
        => new(match, "reviewed", "alice@example.com", expires ?? new DateOnly(2027, 3, 31), "exclusions.json", line, 5);

    private static ExclusionMatch Rule(string rule) => new(rule, null, null, null, null);

    [Theory]
    [InlineData("DataExfiltration", null, null, null, null, true)]
    [InlineData("dataexfiltration", null, null, null, null, true)]
    [InlineData("AdminEquivalent", null, null, null, null, false)]
    [InlineData(null, Etl, null, null, null, true)]
    [InlineData(null, "arn:aws:iam::111122223333:role/*", null, null, null, true)]
    [InlineData(null, "arn:aws:iam::444455556666:role/*", null, null, null, false)]
    [InlineData(null, "etl-*", null, null, null, true)]
    [InlineData(null, "etl-runne?", null, null, null, true)]
    [InlineData(null, "ETL-RUNNER", null, null, null, false)]
    [InlineData(null, "role/service-role/etl-runner", null, null, null, true)]
    [InlineData(null, "role/*", null, null, null, true)]
    [InlineData(null, "service-role/etl-runner", null, null, null, false)]
    [InlineData(null, null, "111122223333", null, null, true)]
    [InlineData(null, null, "444455556666", null, null, false)]
    [InlineData(null, null, null, "arn:aws:s3:::lake-*", null, true)]
    [InlineData(null, null, null, "lake-raw", null, true)]
    [InlineData(null, null, null, "arn:aws:s3:::other", null, false)]
    [InlineData(null, null, null, null, "0123456789ABCDEF", true)]
    [InlineData(null, null, null, null, "fedcba9876543210", false)]
    [InlineData("DataExfiltration", "etl-*", "444455556666", null, null, false)]
    public void Matches_EachFieldGiven_MustMatch(string? rule, string? principal, string? account, string? resource, string? fingerprint, bool expected)
    {
        // Act
        var matches = new ExclusionMatch(rule, principal, account, resource, fingerprint).Matches(EtlData);

        // Assert
        Assert.Equal(expected, matches);
    }

    [Fact]
    public void Matches_PrincipalPatternOnAResourceFinding_DoesNotMatch()
    {
        // Arrange: a bucket's own finding has no principal
        var bucket = EtlData with { Principal = null };

        // Act + Assert
        Assert.False(new ExclusionMatch(null, "*", null, null, null).Matches(bucket));
        Assert.True(new ExclusionMatch(null, null, null, "lake-raw", null).Matches(bucket));
    }

    [Fact]
    public void ActiveMatch_ThroughTheExpiryDayUtc_ThenNoLonger()
    {
        // Arrange
        var clock = new FakeTimeProvider(new DateTimeOffset(2027, 3, 31, 23, 59, 59, TimeSpan.Zero));
        var set = new ExclusionSet("exclusions.json", [Entry(Rule("DataExfiltration"))]);

        // Act
        var lastSecond = set.ActiveMatch(EtlData, clock.GetUtcNow());
        clock.Advance(TimeSpan.FromSeconds(1));
        var nextDay = set.ActiveMatch(EtlData, clock.GetUtcNow());

        // Assert
        Assert.NotNull(lastSecond);
        Assert.Null(nextDay);
    }

    [Fact]
    public void ActiveMatch_ExpiryInAnotherTimeZone_IsTheUtcDay()
    {
        // Arrange: 1 April 01:00 in UTC+2 is still 31 March in UTC
        var set = new ExclusionSet("exclusions.json", [Entry(Rule("DataExfiltration"))]);

        // Act
        var match = set.ActiveMatch(EtlData, new DateTimeOffset(2027, 4, 1, 1, 0, 0, TimeSpan.FromHours(2)));

        // Assert
        Assert.NotNull(match);
    }

    [Fact]
    public void ActiveMatch_ExpiredEntryFirst_TheNextActiveOneExcludes()
    {
        // Arrange
        var set = new ExclusionSet("exclusions.json", [Entry(Rule("DataExfiltration"), new DateOnly(2026, 1, 31), line: 3), Entry(Rule("DataExfiltration"), line: 9)]);

        // Act
        var match = set.ActiveMatch(EtlData, new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero));

        // Assert
        Assert.Equal(9, match?.Line);
    }

    [Fact]
    public void Review_ExpiredAndStaleEntries_AreWarningsWithTheirPlace()
    {
        // Arrange
        var now = new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);
        var set = new ExclusionSet("policies/exclusions.json",
        [
            Entry(Rule("DataExfiltration"), new DateOnly(2026, 11, 30), line: 3),
            Entry(Rule("AdminEquivalent"), line: 9),
            Entry(Rule("DataExfiltration"), line: 15),
            Entry(Rule("KeyDelegation"), new DateOnly(2026, 1, 1), line: 21),
        ]);

        // Act
        var warnings = set.Review([EtlData, EtlData with { Fingerprint = "1111111111111111" }], now);

        // Assert
        Assert.Equal(
        [
            "policies/exclusions.json:3:5: exclusion (rule `DataExfiltration`) expired on 2026-11-30; the 2 findings it matched count again: renew it after a new review, or remove it",
            "policies/exclusions.json:9:5: exclusion (rule `AdminEquivalent`) matches no finding; remove it, or fix what it matches",
            "policies/exclusions.json:21:5: exclusion (rule `KeyDelegation`) expired on 2026-01-01; it matches no finding either: renew it after a new review, or remove it",
        ], warnings.Select(static w => w.ToString()));
        Assert.Equal([ExclusionWarningKind.Expired, ExclusionWarningKind.Stale, ExclusionWarningKind.Expired], warnings.Select(static w => w.Kind));
    }

    [Fact]
    public void Matches_PathologicalWildcard_EndsQuickly()
    {
        // Arrange: a pattern that makes a naive backtracking matcher exponential
        var target = EtlData with { Principal = "arn:aws:iam::111122223333:role/" + new string('a', 2_000) };
        var pattern = "arn:aws:iam::111122223333:role/" + string.Concat(Enumerable.Repeat("*a", 40)) + "b";

        // Act
        var started = System.Diagnostics.Stopwatch.StartNew();
        var matches = new ExclusionMatch(null, pattern, null, null, null).Matches(target);

        // Assert
        Assert.False(matches);
        Assert.True(started.Elapsed < TimeSpan.FromSeconds(2), $"took {started.Elapsed}");
    }
}
