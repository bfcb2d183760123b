using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Governance.Core.Risk;
using PolicyEngine.Evaluation;

namespace Governance.Core.Reports.Html;

/// <summary>
/// A policy document as a numbered listing with the statement a finding cites marked: its lines in <c>&lt;mark&gt;</c>.
/// </summary>
/// <remarks>
/// The statement is found as the engine finds it: the listing is parsed with the policy parser and the statement whose
/// name (<c>Sid</c>, else <c>Statement[i]</c>) the evidence gives is marked from its first line to its closing brace. A
/// document on one line (IAM's URL-encoded form) is indented first, so that a statement has lines of its own to mark.
/// </remarks>
internal sealed class PolicyListing
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, IndentSize = 2, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private readonly string[] _lines;

    private PolicyListing(string[] lines, int first, int last) => (_lines, First, Last) = (lines, first, last);

    /// <summary>The first marked line, from 1; 0 when no statement is marked.</summary>
    public int First { get; }

    /// <summary>The last marked line; 0 when no statement is marked.</summary>
    public int Last { get; }

    /// <summary>The number of lines.</summary>
    public int Length => _lines.Length;

    /// <summary>The listing of <paramref name="document"/> with the statement <paramref name="evidence"/> cites marked.</summary>
    public static PolicyListing Of(string document, FindingEvidence evidence)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(evidence);
        var normalised = document.Replace("\r\n", "\n", StringComparison.Ordinal);
        var reflowed = normalised.Length > 0 && !normalised.Trim().Contains('\n', StringComparison.Ordinal);
        var text = reflowed ? Indent(normalised) : Dedent(normalised);
        var lines = text.Split('\n');
        var statements = NamedPolicy.Parse(evidence.Policy, text).Document?.Statements ?? [];
        var named = statements.Where(s => string.Equals(s.DisplayName, evidence.Sid, StringComparison.Ordinal)).ToList();
        // Two statements may share a Sid; the evidence's line tells them apart in a listing that kept the document's lines.
        var statement = named.Count > 1 && !reflowed ? named.FirstOrDefault(s => s.Location.Line == evidence.Line) ?? named[0] : named.FirstOrDefault();
        if (statement is null || statement.Location.Line > lines.Length)
        {
            return new PolicyListing(lines, 0, 0);
        }
        var start = statement.Location.Line;
        return new PolicyListing(lines, start, EndLine(lines, start, statement.Location.Column));
    }

    /// <summary>Lines <paramref name="from"/> to <paramref name="to"/> (from 1, inclusive) as HTML: a <c>&lt;pre&gt;</c> whose marked lines are in <c>&lt;mark&gt;</c>.</summary>
    public string Html(int from, int to)
    {
        var inv = CultureInfo.InvariantCulture;
        var html = new StringBuilder("<pre class=\"policy\"><code>");
        for (var n = Math.Max(1, from); n <= Math.Min(to, _lines.Length); n++)
        {
            var line = HtmlReport.Encode(_lines[n - 1]);
            html.Append(n >= First && n <= Last && First > 0
                ? string.Create(inv, $"<span class=\"ln\" data-n=\"{n}\"><mark>{line}</mark></span>")
                : string.Create(inv, $"<span class=\"ln\" data-n=\"{n}\"><span>{line}</span></span>"));
        }
        return html.Append("</code></pre>").ToString();
    }

    /// <summary>A one-line document, indented; the text as it was when it is not JSON.</summary>
    private static string Indent(string json)
    {
        try
        {
            return JsonNode.Parse(json)?.ToJsonString(Indented) ?? json;
        }
        catch (JsonException)
        {
            return json;
        }
    }

    /// <summary>
    /// A document cut from a larger file keeps that file's indentation after its first line; the common indentation of
    /// those lines is removed, which moves no line and so keeps the engine's line numbers.
    /// </summary>
    private static string Dedent(string text)
    {
        var lines = text.Split('\n');
        var indents = lines.Skip(1).Where(static l => l.Trim().Length > 0).Select(static l => l.Length - l.TrimStart(' ', '\t').Length).ToList();
        var cut = indents.Count == 0 ? 0 : indents.Min();
        return cut == 0 ? text : string.Join('\n', lines.Select((l, i) => i == 0 || l.Length < cut ? l.TrimEnd() : l[cut..]));
    }

    /// <summary>The line of the brace that closes the object opening at (<paramref name="line"/>, <paramref name="column"/>).</summary>
    private static int EndLine(string[] lines, int line, int column)
    {
        var depth = 0;
        var inString = false;
        for (var l = line; l <= lines.Length; l++)
        {
            var text = lines[l - 1];
            for (var c = l == line ? Math.Max(0, column - 1) : 0; c < text.Length; c++)
            {
                var ch = text[c];
                if (inString)
                {
                    if (ch == '\\')
                    {
                        c++;
                    }
                    else if (ch == '"')
                    {
                        inString = false;
                    }
                }
                else if (ch == '"')
                {
                    inString = true;
                }
                else if (ch == '{' || ch == '[')
                {
                    depth++;
                }
                else if ((ch == '}' || ch == ']') && --depth == 0)
                {
                    return l;
                }
            }
        }
        return line;
    }
}
