using System.Globalization;
using System.Net;
using System.Text;
using Governance.Core.Risk;

namespace Governance.Core.Reports.Html;

/// <summary>
/// The one scaffold of every HTML report: the document head and CSS, the header, the summary figures, cards, the chart of
/// findings by severity with its legend, tables and severity pills. A report writes its own content into <see cref="Html"/>
/// between them.
/// </summary>
/// <remarks>No scripts, fonts or images from elsewhere: inline CSS and an inline SVG chart, so the file can be mailed or archived as is.</remarks>
internal sealed class HtmlReport
{
    private const string Css = """
        :root{--ink:#0f172a;--muted:#64748b;--line:#e2e8f0;--bg:#f8fafc;--card:#fff}
        *{box-sizing:border-box}body{margin:0;font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--ink);background:var(--bg)}
        header{background:linear-gradient(120deg,#1e293b,#334155);color:#fff;padding:32px 48px}
        header h1{margin:0 0 4px;font-size:26px;font-weight:650}header p{margin:0;color:#cbd5e1}
        main{max-width:1100px;margin:0 auto;padding:24px 32px 64px}
        .stats{display:grid;grid-template-columns:repeat(4,1fr);gap:16px;margin:-44px 0 24px}
        .stat{background:var(--card);border-radius:12px;padding:16px 20px;box-shadow:0 1px 3px #0f172a22}
        .stat b{display:block;font-size:28px}.stat span{color:var(--muted);font-size:13px;text-transform:uppercase;letter-spacing:.04em}
        section.card{background:var(--card);border-radius:12px;padding:20px 24px;margin:0 0 20px;box-shadow:0 1px 3px #0f172a1a}
        h2{font-size:18px;margin:0 0 12px}h3{font-size:16px;margin:0}
        .legend{display:flex;gap:16px;font-size:13px;color:var(--muted);margin-top:8px}.legend i{display:inline-block;width:10px;height:10px;border-radius:2px;margin-right:6px}
        table{border-collapse:collapse;width:100%;font-size:14px}th,td{text-align:left;vertical-align:top;padding:6px 8px;border-bottom:1px solid var(--line)}th{color:var(--muted);font-weight:600;font-size:12px;text-transform:uppercase}
        code{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:12.5px}
        a{color:#1d4ed8;text-decoration:none}a:hover{text-decoration:underline}
        .pill{display:inline-block;border-radius:999px;padding:1px 10px;font-size:12px;font-weight:600;color:#fff}
        section.card{overflow-x:auto}code{overflow-wrap:anywhere}svg{max-width:100%;height:auto}
        @media(max-width:640px){header{padding:20px 16px}main{padding:16px 12px 48px}.stats{grid-template-columns:repeat(2,1fr);margin:16px 0}}
        """;

    /// <summary>Starts the page: the head with the shared CSS and <paramref name="css"/>, then the header.</summary>
    /// <param name="title">The document's title.</param>
    /// <param name="heading">The header's heading.</param>
    /// <param name="subtitles">The header's lines below the heading, already HTML.</param>
    /// <param name="css">The report's own CSS rules, one or more lines; empty when it has none.</param>
    public HtmlReport(string title, string heading, IEnumerable<string> subtitles, string css)
    {
        Html.Append(CultureInfo.InvariantCulture, $"""
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{Encode(title)}</title>
            <style>
            {Css}
            {SeverityPalette.Css(static (s, colour) => $".{s}{{background:{colour}}}")}

            """);
        if (css.Length > 0)
        {
            Html.Append(css).Append('\n');
        }
        Html.Append("</style></head><body>");
        Html.Append(CultureInfo.InvariantCulture, $"<header><h1>{Encode(heading)}</h1>");
        foreach (var subtitle in subtitles)
        {
            Html.Append(CultureInfo.InvariantCulture, $"<p>{subtitle}</p>");
        }
        Html.Append("</header><main>");
    }

    /// <summary>The page so far; a report appends its own content here.</summary>
    public StringBuilder Html { get; } = new();

    /// <summary>HTML-encodes <paramref name="text"/>.</summary>
    public static string Encode(string text) => WebUtility.HtmlEncode(text);

    /// <summary>A severity's pill: <paramref name="text"/> (already HTML) in white on the severity's colour.</summary>
    public static string Pill(RiskSeverity severity, string text) => $"<span class=\"pill {severity}\">{text}</span>";

    /// <summary>The summary figures under the header, one card each (four fill a row).</summary>
    public void Stats(params (int Value, string Label)[] stats)
    {
        Html.Append("<div class=\"stats\">");
        foreach (var (value, label) in stats)
        {
            Html.Append(CultureInfo.InvariantCulture, $"<div class=\"stat\"><b>{value}</b><span>{Encode(label)}</span></div>");
        }
        Html.Append("</div>");
    }

    /// <summary>Opens a card, with a heading when <paramref name="heading"/> is given (already HTML) and an anchor when <paramref name="id"/> is.</summary>
    public void OpenCard(string? heading = null, string? id = null)
    {
        Html.Append(id is null ? "<section class=\"card\">" : $"<section class=\"card\" id=\"{id}\">");
        if (heading is not null)
        {
            Html.Append(CultureInfo.InvariantCulture, $"<h2>{heading}</h2>");
        }
    }

    /// <summary>Closes the card <see cref="OpenCard"/> opened.</summary>
    public void CloseCard() => Html.Append("</section>");

    /// <summary>Opens a table with a header row of <paramref name="headers"/> (already HTML) and its body.</summary>
    public void OpenTable(IEnumerable<string> headers)
    {
        Html.Append("<table><thead><tr>");
        foreach (var header in headers)
        {
            Html.Append(CultureInfo.InvariantCulture, $"<th>{header}</th>");
        }
        Html.Append("</tr></thead><tbody>");
    }

    /// <summary>Closes the table <see cref="OpenTable"/> opened.</summary>
    public void CloseTable() => Html.Append("</tbody></table>");

    /// <summary>
    /// A horizontal bar per row, stacked by severity from the most urgent, with each segment's count, the row's total and a
    /// legend; bars are scaled to the longest. Each segment's tooltip reads <c>LABEL: COUNT SEVERITY</c>.
    /// </summary>
    public void SeverityChart(string description, IReadOnlyList<ChartRow> rows)
    {
        var inv = CultureInfo.InvariantCulture;
        const int LabelWidth = 210, BarWidth = 760, Row = 34, Bar = 22;
        var counts = rows.Select(static r => SeverityPalette.Order.Select(r.Count).ToArray()).ToList();
        var max = Math.Max(1, counts.Count == 0 ? 0 : counts.Max(static c => c.Sum()));
        var height = (rows.Count * Row) + 8;
        Html.Append(inv, $"<svg role=\"img\" aria-label=\"{Encode(description)}\" viewBox=\"0 0 {LabelWidth + BarWidth + 60} {height}\" width=\"100%\">");
        for (var i = 0; i < rows.Count; i++)
        {
            var y = (i * Row) + 4;
            var label = Encode(rows[i].Label);
            Html.Append(inv, $"<text x=\"{LabelWidth - 12}\" y=\"{y + 16}\" text-anchor=\"end\" font-size=\"13\" fill=\"#334155\">{label}</text>");
            Html.Append(inv, $"<rect x=\"{LabelWidth}\" y=\"{y}\" width=\"{BarWidth}\" height=\"{Bar}\" rx=\"4\" fill=\"#f1f5f9\"/>");
            double x = LabelWidth;
            for (var s = 0; s < SeverityPalette.Order.Length; s++)
            {
                var (severity, count) = (SeverityPalette.Order[s], counts[i][s]);
                if (count == 0)
                {
                    continue;
                }
                var width = (double)count / max * BarWidth;
                Html.Append(inv, $"<rect x=\"{x:F1}\" y=\"{y}\" width=\"{width:F1}\" height=\"{Bar}\" fill=\"{SeverityPalette.Colour(severity)}\"><title>{label}: {count} {severity}</title></rect>");
                if (width > 22)
                {
                    Html.Append(inv, $"<text x=\"{x + (width / 2):F1}\" y=\"{y + 15}\" text-anchor=\"middle\" font-size=\"12\" fill=\"#fff\">{count}</text>");
                }
                x += width;
            }
            Html.Append(inv, $"<text x=\"{x + 8:F1}\" y=\"{y + 16}\" font-size=\"13\" font-weight=\"600\" fill=\"#0f172a\">{counts[i].Sum()}</text>");
        }
        Html.Append("</svg><div class=\"legend\">");
        foreach (var severity in SeverityPalette.Order)
        {
            Html.Append(inv, $"<span><i style=\"background:{SeverityPalette.Colour(severity)}\"></i>{severity}</span>");
        }
        Html.Append("</div>");
    }

    /// <summary>Ends the page and returns it.</summary>
    public string Close() => Html.Append("</main></body></html>\n").ToString();
}
