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
    public string Name => "CharacterSet";

    public void Check(ValidationContext context)
    {
        if (!context.IsIamPolicy)
        {
            return;
        }
        var text = context.Utf8.Span;
        int line = 1, column = 1;
        while (!text.IsEmpty)
        {
            if (text[0] < 0x80)
            {
                // ASCII fast path.
                var b = text[0];
                if (b < 0x20 && b is not ((byte)'\t' or (byte)'\n' or (byte)'\r'))
                {
                    Report(context, b, line, column);
                    return;
                }
                (line, column) = b == (byte)'\n' ? (line + 1, 1) : (line, column + 1);
                text = text[1..];
                continue;
            }
            var status = Rune.DecodeFromUtf8(text, out var rune, out var consumed);
            if (status == OperationStatus.Done && rune.Value > 0xFF)
            {
                Report(context, rune.Value, line, column);
                return;
            }
            column++;
            text = text[Math.Max(1, consumed)..];
        }
    }

    private static void Report(ValidationContext context, int codePoint, int line, int column)
        => context.Report(DiagnosticCodes.InvalidCharacter, Severity.Error,
            $"character U+{codePoint.ToString("X4", CultureInfo.InvariantCulture)} is not allowed in IAM policies",
            new SourceLocation(line, column, string.Empty),
            "IAM accepts only tab, line feed, carriage return and the characters U+0020 to U+00FF");
}
