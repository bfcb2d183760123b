using System.Collections.Immutable;
using PolicyEngine.Model;

namespace PolicyEngine.Evaluation.Conditions;

/// <summary>
/// DateEquals, DateNotEquals, DateLessThan, DateLessThanEquals, DateGreaterThan and DateGreaterThanEquals
/// (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_Date).
/// </summary>
/// <remarks>
/// Both sides are read by <see cref="TryParse"/> and compared as instants, so epoch seconds and dates mix freely.
/// A policy value that is not a date makes the clause never match; a request value that is not one makes it undecidable.
/// </remarks>
internal static class DateOperators
{
    private const long MaxEpochSeconds = 253_402_300_799; // 9999-12-31T23:59:59Z
    private const long MinEpochSeconds = -62_135_596_800; // 0001-01-01T00:00:00Z

    /// <summary>Compiles the policy values; null when one is not a date.</summary>
    public static ValueMatcher? Create(ConditionOperatorKind kind, ImmutableArray<LocatedString> values)
        => OrderedValues.Create<long>(kind switch
        {
            ConditionOperatorKind.DateLessThan => ValueOrdering.LessThan,
            ConditionOperatorKind.DateLessThanEquals => ValueOrdering.LessThanEquals,
            ConditionOperatorKind.DateGreaterThan => ValueOrdering.GreaterThan,
            ConditionOperatorKind.DateGreaterThanEquals => ValueOrdering.GreaterThanEquals,
            _ => ValueOrdering.Equal, // DateEquals, and DateNotEquals before negation
        }, values, static (string text, out long value) => TryParse(text, out value));

    /// <summary>Reads a Date value, policy or request, as UTC ticks.</summary>
    /// <remarks>
    /// <para>AWS: "You must specify date/time values with one of the W3C implementations of the ISO 8601 date formats or in
    /// epoch (UNIX) time" (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_Date).
    /// The W3C formats (https://www.w3.org/TR/NOTE-datetime) are exactly <c>YYYY-MM</c>, <c>YYYY-MM-DD</c>,
    /// <c>YYYY-MM-DDThh:mmTZD</c>, <c>YYYY-MM-DDThh:mm:ssTZD</c> and <c>YYYY-MM-DDThh:mm:ss.sTZD</c>, where <c>T</c> is
    /// upper case, <c>s</c> is one or more digits, and the time zone designator <c>TZD</c> is <c>Z</c>, <c>+hh:mm</c> or
    /// <c>-hh:mm</c> and is required once a time is given. So a space for <c>T</c>, a time without zone, <c>+hhmm</c>,
    /// a comma before the fraction and a 24th hour or 60th second are not dates.</para>
    /// <para>Epoch time is ASCII digits with an optional minus sign, in seconds. The W3C form <c>YYYY</c> is digits too:
    /// digits are read as epoch seconds, the form <c>aws:EpochTime</c> carries. The page also says a policy variable
    /// cannot be used with Date operators: <c>${...}</c> is literal text, so no date.</para>
    /// <para>Instants run from year 1 to year 9999. Fraction digits beyond 100 ns are read and dropped, so instants compare
    /// at that resolution.</para>
    /// </remarks>
    public static bool TryParse(ReadOnlySpan<char> text, out long utcTicks)
    {
        utcTicks = 0;
        return IsEpoch(text) ? TryParseEpoch(text, out utcTicks) : TryParseW3c(text, out utcTicks);
    }

    private static bool IsEpoch(ReadOnlySpan<char> text)
    {
        var digits = text.StartsWith('-') ? text[1..] : text;
        return !digits.IsEmpty && !digits.ContainsAnyExceptInRange('0', '9');
    }

    private static bool TryParseEpoch(ReadOnlySpan<char> text, out long utcTicks)
    {
        utcTicks = 0;
        var negative = text[0] == '-';
        var digits = negative ? text[1..] : text;
        if (digits.Length > 12)
        {
            return false;
        }
        long seconds = 0;
        foreach (var c in digits)
        {
            seconds = (seconds * 10) + (c - '0');
        }
        seconds = negative ? -seconds : seconds;
        if (seconds is > MaxEpochSeconds or < MinEpochSeconds)
        {
            return false;
        }
        utcTicks = DateTime.UnixEpoch.Ticks + (seconds * TimeSpan.TicksPerSecond);
        return true;
    }

    private static bool TryParseW3c(ReadOnlySpan<char> s, out long utcTicks)
    {
        utcTicks = 0;
        int day = 1, hour = 0, minute = 0, second = 0;
        long fractionTicks = 0;
        if (!Digits(s, 0, 4, out var year) || !Separator(s, 4, '-') || !Digits(s, 5, 2, out var month))
        {
            return false;
        }
        var i = 7;
        if (i < s.Length && (!Separator(s, i, '-') || !Digits(s, i + 1, 2, out day)))
        {
            return false;
        }
        i = Math.Min(s.Length, 10);
        var offsetMinutes = 0;
        if (i < s.Length)
        {
            if (!Separator(s, i, 'T') || !Digits(s, i + 1, 2, out hour) || !Separator(s, i + 3, ':')
                || !Digits(s, i + 4, 2, out minute))
            {
                return false;
            }
            i += 6;
            if (Separator(s, i, ':'))
            {
                if (!Digits(s, i + 1, 2, out second))
                {
                    return false;
                }
                i += 3;
                if (Separator(s, i, '.'))
                {
                    var start = ++i;
                    long scale = TimeSpan.TicksPerSecond;
                    while (i < s.Length && char.IsAsciiDigit(s[i]))
                    {
                        if (scale >= 10)
                        {
                            scale /= 10;
                            fractionTicks += (s[i] - '0') * scale;
                        }
                        i++;
                    }
                    if (i == start)
                    {
                        return false;
                    }
                }
            }
            if (!TryParseZone(s[i..], out offsetMinutes))
            {
                return false;
            }
        }
        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)
            || hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }
        var local = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Utc).Ticks + fractionTicks;
        var utc = local - (offsetMinutes * TimeSpan.TicksPerMinute);
        if (utc < DateTime.MinValue.Ticks || utc > DateTime.MaxValue.Ticks)
        {
            return false;
        }
        utcTicks = utc;
        return true;
    }

    /// <summary>The W3C time zone designator: <c>Z</c>, <c>+hh:mm</c> or <c>-hh:mm</c>.</summary>
    private static bool TryParseZone(ReadOnlySpan<char> s, out int minutes)
    {
        minutes = 0;
        if (s is "Z")
        {
            return true;
        }
        if (s.Length != 6 || s[0] is not ('+' or '-') || !Digits(s, 1, 2, out var hours) || s[3] != ':'
            || !Digits(s, 4, 2, out var mins) || hours > 23 || mins > 59)
        {
            return false;
        }
        minutes = (s[0] == '-' ? -1 : 1) * ((hours * 60) + mins);
        return true;
    }

    private static bool Separator(ReadOnlySpan<char> s, int index, char expected) => index < s.Length && s[index] == expected;

    private static bool Digits(ReadOnlySpan<char> s, int start, int count, out int value)
    {
        value = 0;
        if (start + count > s.Length)
        {
            return false;
        }
        for (var i = start; i < start + count; i++)
        {
            if (!char.IsAsciiDigit(s[i]))
            {
                return false;
            }
            value = (value * 10) + (s[i] - '0');
        }
        return true;
    }
}
