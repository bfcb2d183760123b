using System.Buffers;
using System.Globalization;
using System.Text;
using PolicyEngine.Diagnostics;

namespace PolicyEngine.Validation.Checks;

/// <summary>
/// IAM refuses policy documents with characters outside tab, line feed, carriage return and U+0020–U+00FF
/// ("IAM name requirements", reference_iam-quotas.html). Only the first offending character is reported.
/// </summary>
internal sealed class CharacterSetCheck : IPolicyCheck
{
    // Printable ASCII plus tab, line feed and carriage return: the bytes that need no closer look.
    private static readonly SearchValues<byte> PlainAscii = SearchValues.Create(
        [(byte)'\t', (byte)'\n', (byte)'\r', .. Enumerable.Range(0x20, 0x60).Select(static b => (byte)b)]);

    public string Name => "CharacterSet";

    public void Check(ValidationContext context)
    {
        if (!context.IsIamPolicy)
        {
            return;
        }
        var text = context.Utf8.Span;
        var offset = 0;
        while (true)
        {
            var next = text[offset..].IndexOfAnyExcept(PlainAscii);
            if (next < 0)
            {
                return;
            }
            offset += next;
            if (text[offset] < 0x80)
            {
                Report(context, text, offset, text[offset]);
                return;
            }
            var status = Rune.DecodeFromUtf8(text[offset..], out var rune, out var consumed);
            if (status == OperationStatus.Done && rune.Value > 0xFF)
            {
                Report(context, text, offset, rune.Value);
                return;
            }
            offset += Math.Max(1, consumed);
        }
    }

    private static void Report(ValidationContext context, ReadOnlySpan<byte> text, int offset, int codePoint)
    {
        var before = text[..offset];
        var lineStart = before.LastIndexOf((byte)'\n') + 1;
        var line = before.Count((byte)'\n') + 1;
        var column = 1;
        foreach (var b in before[lineStart..])
        {
            if ((b & 0xC0) != 0x80)
            {
                column++;
            }
        }
        context.Report(DiagnosticCodes.InvalidCharacter, Severity.Error,
            $"character U+{codePoint.ToString("X4", CultureInfo.InvariantCulture)} is not allowed in IAM policies",
            new SourceLocation(line, column, string.Empty),
            "IAM accepts only tab, line feed, carriage return and the characters U+0020 to U+00FF");
    }
}
