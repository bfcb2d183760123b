using System.Globalization;
using System.Text;
using CsCheck;

namespace TestSupport.Hostile;

/// <summary>
/// CsCheck generators of what an outsider can put in a JSON file or body: raw bytes, <c>\u</c> escapes valid and not
/// (lone and reversed surrogates, truncated, bad hex), other escapes, control characters and NULs, and byte sequences
/// that are not UTF-8 (overlong, encoded surrogates, truncated, past U+10FFFF), spliced into valid documents.
/// </summary>
public static class HostileJson
{
    /// <summary>Named byte sequences that make a document unreadable wherever they stand in it: each is one kind of the corpus.</summary>
    public static IReadOnlyList<(string Kind, byte[] Bytes)> InvalidFragments { get; } =
    [
        ("lone-high-surrogate", Ascii(@"\ud800")),
        ("lone-high-surrogate-last", Ascii(@"\uDBFF")),
        ("lone-low-surrogate", Ascii(@"\udc00")),
        ("reversed-surrogates", Ascii(@"\udc00\ud800")),
        ("high-surrogate-then-text", Ascii(@"\ud800x")),
        ("high-surrogate-then-escape", Ascii(@"\ud800\u0041")),
        ("high-surrogate-twice", Ascii(@"\ud83d\ud83d")),
        // A truncated escape ends at the string's quote, so that the text after the splice cannot complete it.
        ("truncated-unicode-escape", Ascii(@"\u12""")),
        ("empty-unicode-escape", Ascii(@"\u""")),
        ("bad-hex-escape", Ascii(@"\u12G4")),
        ("unknown-escape-x", Ascii(@"\x")),
        ("unknown-escape-quote", Ascii(@"\'")),
        ("nul", [0x00]),
        ("control-character", [0x01]),
        ("raw-escape-character", [0x1B]),
        ("raw-line-feed", [0x0A, (byte)'x']),
        ("overlong-nul", [0xC0, 0x80]),
        ("overlong-slash", [0xC1, 0xBF]),
        ("overlong-three-bytes", [0xE0, 0x80, 0xAF]),
        ("overlong-four-bytes", [0xF0, 0x80, 0x80, 0xAF]),
        ("encoded-high-surrogate", [0xED, 0xA0, 0x80]),
        ("encoded-low-surrogate", [0xED, 0xBF, 0xBF]),
        ("past-u10ffff", [0xF4, 0x90, 0x80, 0x80]),
        ("byte-f5", [0xF5, 0x80, 0x80, 0x80]),
        ("byte-ff", [0xFF]),
        ("byte-fe", [0xFE]),
        ("lone-continuation", [0x80]),
        ("truncated-two-bytes", [0xC3]),
        ("truncated-three-bytes", [0xE2, 0x82]),
        ("truncated-four-bytes", [0xF0, 0x9F, 0x98]),
    ];

    /// <summary>A <c>\u</c> escape: any unit, a lone high or low surrogate, a pair in either order, a high one before other text, or a broken one.</summary>
    public static Gen<byte[]> UnicodeEscape { get; } = Gen.Frequency(
        (3, Gen.Char.Select(static c => Escape(c))),
        (2, Gen.Int[0xD800, 0xDBFF].Select(static u => Escape((char)u))),
        (2, Gen.Int[0xDC00, 0xDFFF].Select(static u => Escape((char)u))),
        (1, Gen.Select(Gen.Int[0xD800, 0xDBFF], Gen.Int[0xDC00, 0xDFFF], static (h, l) => Escape((char)h).Concat(Escape((char)l)).ToArray())),
        (1, Gen.Select(Gen.Int[0xD800, 0xDBFF], Gen.Int[0xDC00, 0xDFFF], static (h, l) => Escape((char)l).Concat(Escape((char)h)).ToArray())),
        (1, Gen.Select(Gen.Int[0xD800, 0xDBFF], Gen.Char["x\"\\ 0"], static (h, c) => Escape((char)h).Append((byte)c).ToArray())),
        (1, Gen.Select(Gen.Int[0, 3], Gen.Char["0123456789abcdefABCDEF"].Array[3], static (n, hex) => Ascii(@"\u" + new string(hex, 0, n)))),
        (1, Gen.Char["gGxz -"].Select(static bad => Ascii(@"\u1" + bad + "23"))));

    /// <summary>Any escape: a <c>\u</c> one, one of JSON's two-character escapes, or one JSON does not define.</summary>
    public static Gen<byte[]> AnyEscape { get; } = Gen.Frequency(
        (4, UnicodeEscape),
        (1, Gen.Char["\"\\/bfnrt"].Select(static c => Ascii("\\" + c))),
        (1, Gen.Char["xa'0Uv \t"].Select(static c => Ascii("\\" + c))));

    /// <summary>Bytes that are not UTF-8: overlong forms, encoded surrogates, truncated sequences, bytes that start nothing.</summary>
    public static Gen<byte[]> InvalidUtf8 { get; } = Gen.Frequency(
        (3, Gen.OneOf(InvalidFragments.Where(static f => f.Bytes[0] >= 0x80).Select(static f => f.Bytes).ToArray())),
        (1, Gen.Byte[0x80, 0xFF].Array[1, 4]));

    /// <summary>Control characters, NUL among them, which JSON refuses raw in a string.</summary>
    public static Gen<byte[]> ControlCharacters { get; } = Gen.Byte[0x00, 0x1F].Array[1, 3];

    /// <summary>One hostile piece: an escape, invalid UTF-8, control characters, or arbitrary bytes.</summary>
    public static Gen<byte[]> Fragment { get; } = Gen.Frequency(
        (4, AnyEscape),
        (2, InvalidUtf8),
        (1, ControlCharacters),
        (1, Gen.Byte.Array[1, 8]));

    /// <summary>
    /// <paramref name="valid"/> with one to three <see cref="Fragment"/>s inserted, mostly just after a quote (inside
    /// a key or string, where escapes are read) and otherwise at any byte.
    /// </summary>
    public static Gen<byte[]> SplicedInto(byte[] valid)
    {
        ArgumentNullException.ThrowIfNull(valid);
        var quotes = valid.Select(static (b, i) => (b, i)).Where(static p => p.b == (byte)'"').Select(static p => p.i + 1).ToArray();
        var place = quotes.Length == 0 ? Gen.Int[0, valid.Length] : Gen.Frequency((3, Gen.OneOf(quotes)), (1, Gen.Int[0, valid.Length]));
        return Gen.Select(place, Fragment).Array[1, 3].Select(splices =>
        {
            var bytes = valid.ToList();
            foreach (var (at, fragment) in splices.OrderByDescending(static s => s.Item1))
            {
                bytes.InsertRange(at, fragment);
            }
            return bytes.ToArray();
        });
    }

    /// <summary>Hostile documents made from <paramref name="valid"/>: spliced fragments half the time, arbitrary bytes or a document-wide variant otherwise.</summary>
    public static Gen<byte[]> Around(byte[] valid)
    {
        ArgumentNullException.ThrowIfNull(valid);
        var wide = WholeDocumentVariants(valid, bigStringBytes: 64 * 1024).Select(static v => v.Bytes).ToArray();
        return Gen.Frequency(
            (6, SplicedInto(valid)),
            (1, Gen.Byte.Array[0, 64]),
            (1, Gen.OneOf(wide)));
    }

    /// <summary>
    /// Variants that concern the whole document rather than one place: byte order marks, NULs around it, nesting
    /// 100,000 deep, a string of <paramref name="bigStringBytes"/>, a key given twice, truncation, emptiness.
    /// <c>Valid</c> marks the one a reader must still read (a UTF-8 byte order mark); whether the others are refused
    /// depends on the reader (a policy reader warns of a key given twice; a snapshot reader takes a 5 MB string).
    /// </summary>
    public static IEnumerable<(string Kind, byte[] Bytes, bool Valid)> WholeDocumentVariants(byte[] valid, int bigStringBytes = 5 * 1024 * 1024)
    {
        ArgumentNullException.ThrowIfNull(valid);
        var text = Encoding.UTF8.GetString(valid);
        yield return ("utf8-bom", [0xEF, 0xBB, 0xBF, .. valid], true);
        yield return ("utf16le-bom", [0xFF, 0xFE, .. Encoding.Unicode.GetBytes(text)], false);
        yield return ("utf16be-bom", [0xFE, 0xFF, .. Encoding.BigEndianUnicode.GetBytes(text)], false);
        yield return ("utf16le-no-bom", Encoding.Unicode.GetBytes(text), false);
        yield return ("utf32le-bom", [0xFF, 0xFE, 0x00, 0x00, .. Encoding.UTF32.GetBytes(text)], false);
        yield return ("two-utf8-boms", [0xEF, 0xBB, 0xBF, 0xEF, 0xBB, 0xBF, .. valid], false);
        yield return ("nul-before", [0x00, .. valid], false);
        yield return ("nul-after", [.. valid, 0x00], false);
        yield return ("nuls-only", new byte[64], false);
        yield return ("empty", [], false);
        yield return ("whitespace-only", Ascii(" \n\t\r "), false);
        yield return ("truncated", valid[..(valid.Length / 2)], false);
        yield return ("two-documents", [.. valid, .. valid], false);
        yield return ("deep-arrays", InsertAfterFirstBrace(valid, "\"Deep\":" + new string('[', 100_000) + new string(']', 100_000) + ","), false);
        yield return ("deep-objects", InsertAfterFirstBrace(valid, "\"Deep\":" + string.Concat(Enumerable.Repeat("{\"a\":", 100_000)) + "0"
            + new string('}', 100_000) + ","), false);
        yield return ("big-string", InsertAfterFirstBrace(valid, "\"Big\":\"" + new string('a', bigStringBytes) + "\","), false);
        yield return ("big-escaped-string", InsertAfterFirstBrace(valid, "\"Big\":\"" + string.Concat(Enumerable.Repeat(@"\u00e9", bigStringBytes / 6)) + "\","), false);
        yield return ("duplicate-key", InsertAfterFirstBrace(valid, "\"Statement\":\"shadowed\","), false);
    }

    /// <summary>The bytes of <paramref name="text"/>, which must be ASCII.</summary>
    public static byte[] Ascii(string text) => Encoding.ASCII.GetBytes(text);

    private static byte[] Escape(char unit)
        => Ascii(@"\u" + ((int)unit).ToString(unit % 2 == 0 ? "x4" : "X4", CultureInfo.InvariantCulture));

    private static byte[] InsertAfterFirstBrace(byte[] valid, string inserted)
    {
        var at = Array.IndexOf(valid, (byte)'{') + 1;
        return [.. valid[..at], .. Encoding.UTF8.GetBytes(inserted), .. valid[at..]];
    }
}
