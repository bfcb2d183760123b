using System.Text;
using System.Text.Unicode;

namespace PolicyEngine.Syntax;

/// <summary>What the bytes of a JSON text must be before any token is read: UTF-8, with at most a UTF-8 byte order mark.</summary>
internal static class JsonEncoding
{
    /// <summary>The UTF-8 byte order mark, which editors on Windows write and which is skipped.</summary>
    public static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];

    /// <summary>The text without a leading UTF-8 byte order mark.</summary>
    public static ReadOnlyMemory<byte> WithoutBom(ReadOnlyMemory<byte> bytes)
        => bytes.Span.StartsWith(Utf8Bom) ? bytes[Utf8Bom.Length..] : bytes;

    /// <summary>The encoding another byte order mark announces (<c>UTF-16</c>, <c>UTF-32</c>); null when there is none.</summary>
    public static string? ForeignEncoding(ReadOnlySpan<byte> bytes)
        => bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE, 0x00, 0x00]) || bytes.StartsWith((ReadOnlySpan<byte>)[0x00, 0x00, 0xFE, 0xFF]) ? "UTF-32"
            : bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]) ? "UTF-16"
            : null;

    /// <summary>
    /// The offset of the first byte that starts no valid UTF-8 character (overlong forms such as <c>C0 80</c>, encoded
    /// surrogates such as <c>ED A0 80</c>, truncated sequences); -1 when the text is valid UTF-8.
    /// </summary>
    public static int FirstInvalidUtf8(ReadOnlySpan<byte> bytes)
    {
        if (Utf8.IsValid(bytes))
        {
            return -1;
        }
        var offset = 0;
        while (offset < bytes.Length)
        {
            if (Rune.DecodeFromUtf8(bytes[offset..], out _, out var consumed) != System.Buffers.OperationStatus.Done)
            {
                return offset;
            }
            offset += consumed;
        }
        return -1;
    }
}
