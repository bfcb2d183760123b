using System.Globalization;
using CsCheck;

namespace PolicyEngine.Tests.Validation.Checks;

/// <summary>
/// Condition values per operator family: well-formed ones and near misses (spaces, exponents, signs, leading zeros,
/// fractions, IPv6 forms, bad prefix lengths, trailing garbage, non-ASCII digits, policy variables).
/// </summary>
internal static class ConditionValueGenerators
{
    private static readonly Gen<string> Garbage = Gen.Frequency(
        (12, Gen.Const(string.Empty)),
        (1, Gen.OneOf(" ", "\t", "\0", "x", "%", "\u0661", "${aws:username}")));

    private static readonly Gen<string> Ascii = Gen.String[Gen.Char[' ', '~'], 0, 12];

    private static readonly Gen<string> Digits = Gen.Frequency(
        (6, Gen.String[Gen.Char['0', '9'], 1, 8]),
        (1, Gen.OneOf("0", "00", "007", "\u0661\u0662", "\uFF11", "1\u0663")));

    /// <summary>Numbers: sign, digits, fraction, exponent and a tail.</summary>
    public static Gen<string> Numeric { get; } = Gen.Frequency(
        (6, Gen.Select(
            Gen.Frequency((6, Gen.Const(string.Empty)), (2, Gen.Const("-")), (1, Gen.OneOf("+", "--", " ", "\u2212"))),
            Gen.Frequency((6, Digits), (1, Gen.Const(string.Empty))),
            Gen.Frequency((4, Gen.Const(string.Empty)), (4, Digits.Select(static d => "." + d)), (1, Gen.OneOf(".", ",5", ".1.2"))),
            Gen.Frequency((8, Gen.Const(string.Empty)), (1, Gen.OneOf("e3", "E-2", "e", "e+10"))),
            Garbage,
            static (sign, integer, fraction, exponent, tail) => sign + integer + fraction + exponent + tail)),
        (2, Gen.Decimal.Select(static d => d.ToString(CultureInfo.InvariantCulture))),
        (1, Gen.OneOf("1e3", "2026-01-31 10:00:00", "NaN", "Infinity", "0x10", "1,000", "1 000")),
        (1, Ascii));

    private static Gen<string> Field(int min, int max, int badMin, int badMax) => Gen.Frequency(
        (9, Gen.Int[min, max].Select(static n => n.ToString("D2", CultureInfo.InvariantCulture))),
        (1, Gen.Int[badMin, badMax].Select(static n => n.ToString(CultureInfo.InvariantCulture))));

    /// <summary>Dates: W3C forms with right and wrong fields, separators and zones; epoch seconds and their near misses.</summary>
    public static Gen<string> Date { get; } = Gen.Frequency(
        (6, Gen.Select(
            Gen.Frequency(
                (9, Gen.Int[1, 9999].Select(static y => y.ToString("D4", CultureInfo.InvariantCulture))),
                (1, Gen.OneOf("0000", "26", "\uFF12\uFF10\uFF12\uFF16", "-2026"))),
            Field(1, 12, 0, 13),
            Gen.Frequency((9, Gen.Int[1, 31].Select(static d => d.ToString("D2", CultureInfo.InvariantCulture))), (1, Gen.OneOf("00", "32", "3", ""))),
            Gen.Frequency((8, Gen.Const("T")), (1, Gen.OneOf(" ", "t", ""))),
            Gen.Select(Field(0, 23, 24, 99), Field(0, 59, 60, 99), Gen.Frequency((3, Field(0, 59, 60, 99).Select(static s => ":" + s)), (1, Gen.Const(string.Empty))),
                static (h, m, s) => $"{h}:{m}{s}"),
            Gen.Frequency((6, Gen.Const(string.Empty)), (2, Gen.String[Gen.Char['0', '9'], 1, 12].Select(static f => "." + f)), (1, Gen.OneOf(".", ",5"))),
            Gen.Frequency(
                (6, Gen.Const("Z")),
                (3, Gen.Select(Gen.OneOf('+', '-'), Field(0, 23, 24, 99), Field(0, 59, 60, 99), static (sign, h, m) => $"{sign}{h}:{m}")),
                (2, Gen.OneOf("", "z", "+0100", "+01", "Z "))),
            Gen.Int[0, 5],
            static (year, month, day, t, time, fraction, zone, shape) => shape switch
            {
                0 => $"{year}-{month}",
                1 => $"{year}-{month}-{day}",
                2 => $"{year}-{month}-{day}{t}{time}{zone}",
                _ => $"{year}-{month}-{day}{t}{time}{fraction}{zone}",
            })),
        (2, Gen.Long[-62_135_596_800, 253_402_300_799].Select(static s => s.ToString(CultureInfo.InvariantCulture))),
        (1, Gen.Select(Gen.Long[0, 99_999_999_999_999], Garbage, static (s, tail) => s.ToString(CultureInfo.InvariantCulture) + tail)),
        (1, Gen.OneOf("1e3", "2026-01-31 10:00:00", "1700000000.5", "+1700000000", "${aws:CurrentTime}", "Jan 31 2026")),
        (1, Ascii));

    private static readonly Gen<string> Octet = Gen.Frequency(
        (12, Gen.Int[0, 255].Select(static o => o.ToString(CultureInfo.InvariantCulture))),
        (1, Gen.Int[0, 300].Select(static o => o.ToString("D3", CultureInfo.InvariantCulture))),
        (1, Gen.OneOf("", "-1", "\u0661", "1 ", "0x1")));

    private static readonly Gen<string> V4 = Gen.Frequency(
        (9, Octet.Array[4, 4].Select(static o => string.Join('.', o))),
        (1, Octet.Array[3, 5].Select(static o => string.Join('.', o))));

    private static readonly Gen<string> Hextet = Gen.Frequency(
        (8, Gen.UShort.Select(static h => h.ToString("x", CultureInfo.InvariantCulture))),
        (3, Gen.UShort.Select(static h => h.ToString("X4", CultureInfo.InvariantCulture))),
        (1, Gen.OneOf("", "12345", "g", "-1")));

    private static readonly Gen<string> V6 = Gen.Select(
        Gen.Frequency((3, Gen.Const(8)), (6, Gen.Int[0, 7]), (1, Gen.Int[0, 9])),
        Gen.Frequency((3, Gen.Const(false)), (7, Gen.Const(true))),
        Hextet.Array[9, 9],
        Gen.Int[0, 9],
        Gen.Frequency((8, Gen.Const(string.Empty)), (1, V4.Select(static v => ":" + v))),
        Gen.Frequency((12, Gen.Const(string.Empty)), (1, Gen.OneOf("%eth0", ":"))),
        static (count, compress, hextets, at, tailV4, zone) =>
        {
            var groups = hextets[..count];
            var cut = Math.Min(at, count);
            var text = compress ? string.Join(':', groups[..cut]) + "::" + string.Join(':', groups[cut..]) : string.Join(':', groups);
            return text + tailV4 + zone;
        });

    /// <summary>IP addresses and ranges: IPv4 and IPv6 forms, prefixes in and out of range, and garbage.</summary>
    public static Gen<string> IpAddress { get; } = Gen.Frequency(
        (8, Gen.Select(
            Gen.OneOf(V4, V6),
            Gen.Frequency(
                (4, Gen.Const(string.Empty)),
                (6, Gen.Int[0, 32].Select(static p => "/" + p.ToString(CultureInfo.InvariantCulture))),
                (2, Gen.Int[-1, 140].Select(static p => "/" + p.ToString(CultureInfo.InvariantCulture))),
                (1, Gen.OneOf("/", "/08", "/ 8", "/8/8", "/+8", "/\uFF18"))),
            Garbage,
            static (address, prefix, tail) => address + prefix + tail)),
        (1, Gen.OneOf("1e3", "2026-01-31 10:00:00", "${aws:SourceIp}", "office")),
        (1, Ascii));

    /// <summary>Booleans in any case and near misses; no well-formed policy variable (their tests bind the variable).</summary>
    public static Gen<string> Bool { get; } = Gen.Frequency(
        (4, Gen.OneOf("true", "false", "TRUE", "False", "tRuE")),
        (4, Gen.OneOf("true", "false", "TRUE", "False", "tRuE", "yes", "no", "1", "0", "", " true", "false ", "truee", "fals",
            "1e3", "2026-01-31 10:00:00", "${aws:x", "$true", "null")),
        (1, Ascii.Select(static s => s.Replace("${", "$", StringComparison.Ordinal))));

    /// <summary>Base64 text with and without damage: padding, spaces, URL-safe characters, line breaks.</summary>
    public static Gen<string> Binary { get; } = Gen.OneOf(
        Gen.Select(
            Gen.Byte.Array[0, 40].Select(static b => Convert.ToBase64String(b)),
            Gen.Int[0, 6],
            static (text, damage) => damage switch
            {
                0 => text.TrimEnd('='),
                1 => text.Length > 2 ? text.Insert(2, " ") : text + " ",
                2 => text + "=",
                3 => text.Replace('+', '-').Replace('/', '_'),
                4 => text + "\n",
                _ => text,
            }),
        Gen.OneOf("1e3", "2026-01-31 10:00:00", "${aws:PrincipalTag/blob}", "QUJ=", "Q==="),
        Ascii);

    /// <summary>Any text without <c>$</c>, so no policy variable: every one is a String or ARN value.</summary>
    public static Gen<string> Text { get; } = Gen.OneOf(
        Ascii.Select(static s => s.Replace('$', '-')),
        Gen.OneOf("1e3", "2026-01-31 10:00:00", "arn:aws:s3:::bucket/*", "arn:aws:iam::111122223333:role/a?c", "*", ""));
}
