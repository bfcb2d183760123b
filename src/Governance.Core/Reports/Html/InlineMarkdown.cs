using System.Text;

namespace Governance.Core.Reports.Html;

/// <summary>
/// The one Markdown the reports' sentences use, as HTML: a code span in backticks (<c>`role/shadow`</c>) becomes
/// <c>&lt;code&gt;</c>; everything else is encoded as text.
/// </summary>
/// <remarks>
/// Code spans follow CommonMark: a run of N backticks closes at the next run of exactly N, and a backtick with no closing
/// run stays a backtick. Findings and drift details put user input (role names, tag values) in backticks, so the text
/// inside a span is encoded like any other.
/// </remarks>
internal static class InlineMarkdown
{
    /// <summary><paramref name="text"/> as HTML, its code spans as <c>&lt;code&gt;</c>.</summary>
    public static string ToHtml(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var html = new StringBuilder(text.Length + 16);
        var i = 0;
        while (i < text.Length)
        {
            if (text[i] != '`')
            {
                var next = text.IndexOf('`', i);
                var end = next < 0 ? text.Length : next;
                html.Append(HtmlReport.Encode(text[i..end]));
                i = end;
                continue;
            }
            var run = RunLength(text, i);
            var close = FindRun(text, i + run, run);
            if (close < 0)
            {
                html.Append(text, i, run);
                i += run;
                continue;
            }
            var code = text[(i + run)..close];
            // CommonMark strips one space on each side when both are there, so `` `x` `` can show a backtick.
            if (code.Length > 2 && code[0] == ' ' && code[^1] == ' ' && code.Trim(' ').Length > 0)
            {
                code = code[1..^1];
            }
            html.Append("<code>").Append(HtmlReport.Encode(code)).Append("</code>");
            i = close + run;
        }
        return html.ToString();
    }

    private static int RunLength(string text, int start)
    {
        var end = start;
        while (end < text.Length && text[end] == '`')
        {
            end++;
        }
        return end - start;
    }

    /// <summary>Where the next run of exactly <paramref name="length"/> backticks from <paramref name="start"/> begins, or -1.</summary>
    private static int FindRun(string text, int start, int length)
    {
        var i = text.IndexOf('`', start);
        while (i >= 0)
        {
            var run = RunLength(text, i);
            if (run == length)
            {
                return i;
            }
            i = text.IndexOf('`', i + run);
        }
        return -1;
    }
}
