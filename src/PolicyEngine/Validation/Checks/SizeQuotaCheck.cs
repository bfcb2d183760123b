using PolicyEngine.Diagnostics;

namespace PolicyEngine.Validation.Checks;

/// <summary>A document larger than its kind's size quota is refused (see <see cref="SizeQuota"/> for the sources).</summary>
internal sealed class SizeQuotaCheck : IPolicyCheck
{
    public string Name => "SizeQuota";

    public void Check(ValidationContext context)
    {
        var quota = context.Options.MaxCharacters ?? SizeQuota.For(context.Kind, context.Options.Container);
        if (quota <= 0)
        {
            return;
        }
        var countsWhiteSpace = SizeQuota.CountsWhiteSpace(context.Kind);
        var size = countsWhiteSpace ? CountCharacters(context.Utf8.Span) : context.Document.CharacterCount;
        if (size <= quota)
        {
            return;
        }
        var counted = countsWhiteSpace ? "white space included" : "white space not counted";
        context.Report(DiagnosticCodes.PolicyTooLarge, Severity.Error,
            $"policy is {size} characters ({counted}); {PolicyKindText.Plural(context.Kind)} allow at most {quota}",
            SourceLocation.Root,
            countsWhiteSpace
                ? "remove white space outside strings, or split the policy in two"
                : "split the policy, or replace lists of actions with wildcards where that grants nothing more");
    }

    /// <summary>Characters of UTF-8 text: every byte that does not continue a multi-byte sequence.</summary>
    private static int CountCharacters(ReadOnlySpan<byte> utf8)
    {
        var count = 0;
        foreach (var b in utf8)
        {
            if ((b & 0xC0) != 0x80)
            {
                count++;
            }
        }
        return count;
    }
}
