using System.Collections.Immutable;
using PolicyEngine.Model;

namespace PolicyEngine.Evaluation.Conditions;

/// <summary>
/// DateEquals, DateNotEquals, DateLessThan, DateLessThanEquals, DateGreaterThan and DateGreaterThanEquals
/// (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_Date).
/// </summary>
/// <remarks>
/// <para>Values are instants written either as epoch seconds (<c>1700000000</c>, as <c>aws:EpochTime</c> carries) or in the
/// W3C profile of ISO 8601 the page links (https://www.w3.org/TR/NOTE-datetime): <c>YYYY-MM</c>, <c>YYYY-MM-DD</c>,
/// <c>YYYY-MM-DDThh:mm[:ss[.fff…]]</c> followed by <c>Z</c>, <c>±hh:mm</c>, <c>±hhmm</c> or nothing (UTC). Both sides are
/// compared as instants, so the two forms mix freely. A bare four-digit string reads as epoch seconds.</para>
/// <para>A policy value that is not a date makes the clause never match; a request value that is not one makes it undecidable.</para>
/// </remarks>
internal static class DateOperators
{
    private const long MaxEpochSeconds = 253_402_300_799; // 9999-12-31T23:59:59Z

    /// <summary>Compiles the policy values; null when one is not a date.</summary>
    public static ValueMatcher? Create(ConditionOperatorKind kind, ImmutableArray<LocatedString> values)
    {
        var instants = new long[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            if (!TryParse(values[i].Value, out instants[i]))
            {
                return null;
            }
        }
        return new Matcher(kind, instants);
    }

    /// <summary>Reads a date as UTC ticks; false when it is neither epoch seconds nor ISO 8601.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out long utcTicks)
    {
        utcTicks = 0;
        if (text.IsEmpty)
        {
            return false;
        }
        if (IsEpoch(text))
        {
            var negative = text[0] == '-';
            var digits = negative ? text[1..] : text;
            if (digits.IsEmpty || digits.Length > 12)
            {
                return false;
            }
            long seconds = 0;
            foreach (var c in digits)
            {
                seconds = (seconds * 10) + (c - '0');
            }
            if (seconds > MaxEpochSeconds || (negative && seconds > 62_135_596_800))
            {
                return false;
            }
            utcTicks = DateTime.UnixEpoch.Ticks + ((negative ? -seconds : seconds) * TimeSpan.TicksPerSecond);
            return true;
        }
        return TryParseIso(text, out utcTicks);
    }

    private static bool IsEpoch(ReadOnlySpan<char> text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (!char.IsAsciiDigit(text[i]) && !(i == 0 && text[i] == '-'))
            {
                return false;
            }
        }
        return true;
    }

    private static bool TryParseIso(ReadOnlySpan<char> s, out long utcTicks)
    {
        utcTicks = 0;
        int month = 1, day = 1, hour = 0, minute = 0, second = 0;
        long fractionTicks = 0;
        if (!Digits(s, 0, 4, out var year) || s.Length < 7 || s[4] != '-' || !Digits(s, 5, 2, out month))
        {
            return false;
        }
        var i = 7;
        if (i < s.Length)
        {
            if (s[i] != '-' || !Digits(s, i + 1, 2, out day))
            {
                return false;
            }
            i += 3;
        }
        var offsetMinutes = 0;
        if (i < s.Length)
        {
            if ((s[i] != 'T' && s[i] != 't') || !Digits(s, i + 1, 2, out hour) || i + 3 >= s.Length || s[i + 3] != ':'
                || !Digits(s, i + 4, 2, out minute))
            {
                return false;
            }
            i += 6;
            if (i < s.Length && s[i] == ':')
            {
                if (!Digits(s, i + 1, 2, out second))
                {
                    return false;
                }
                i += 3;
                if (i < s.Length && (s[i] == '.' || s[i] == ','))
                {
                    var start = ++i;
                    long scale = TimeSpan.TicksPerSecond;
                    while (i < s.Length && char.IsAsciiDigit(s[i]))
                    {
                        // Beyond 100 ns the digits cannot change the instant; they are read and dropped.
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
            if (!TryParseOffset(s[i..], out offsetMinutes))
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

    private static bool TryParseOffset(ReadOnlySpan<char> s, out int minutes)
    {
        minutes = 0;
        if (s.IsEmpty || s is "Z" or "z")
        {
            return true;
        }
        if (s[0] != '+' && s[0] != '-')
        {
            return false;
        }
        int hours = 0, mins = 0;
        var ok = s.Length switch
        {
            3 => Digits(s, 1, 2, out hours),
            5 => Digits(s, 1, 2, out hours) && Digits(s, 3, 2, out mins),
            6 => Digits(s, 1, 2, out hours) && s[3] == ':' && Digits(s, 4, 2, out mins),
            _ => false,
        };
        if (!ok || hours > 23 || mins > 59)
        {
            return false;
        }
        minutes = (s[0] == '-' ? -1 : 1) * ((hours * 60) + mins);
        return true;
    }

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

    private sealed class Matcher(ConditionOperatorKind kind, long[] instants) : ValueMatcher
    {
        public override ValueMatch Match(string requestValue, RequestContext context, ref string? missingVariableKey)
        {
            if (!TryParse(requestValue, out var request))
            {
                return ValueMatch.Undecidable;
            }
            foreach (var policy in instants)
            {
                var holds = kind switch
                {
                    ConditionOperatorKind.DateLessThan => request < policy,
                    ConditionOperatorKind.DateLessThanEquals => request <= policy,
                    ConditionOperatorKind.DateGreaterThan => request > policy,
                    ConditionOperatorKind.DateGreaterThanEquals => request >= policy,
                    _ => request == policy, // DateEquals, and DateNotEquals before negation
                };
                if (holds)
                {
                    return ValueMatch.Match;
                }
            }
            return ValueMatch.NoMatch;
        }
    }
}
