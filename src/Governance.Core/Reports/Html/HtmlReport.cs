using System.Globalization;
using System.Net;
using System.Text;
using Governance.Core.Risk;

namespace Governance.Core.Reports.Html;

/// <summary>
/// The one scaffold of every HTML report: the document head and the stylesheet, the header, the summary figures, cards,
/// the filters, the chart of findings by severity with its axes, legend and data table, tables and severity pills. A
/// report writes its own content into <see cref="Html"/> between them.
/// </summary>
/// <remarks>
/// No fonts, images or scripts from elsewhere: inline CSS, an inline SVG chart and at most <see cref="ReportScript"/>, so
/// the file can be mailed, archived or opened from disk as is, and served under a policy that allows that script alone.
/// Everything but free-text search works with scripts off; the layout holds at a phone's width and prints without the controls.
/// </remarks>
internal sealed class HtmlReport
{
    private const string Css = """
        :root{--ink:#0f172a;--muted:#5b6b80;--line:#e2e8f0;--bg:#f8fafc;--card:#fff;--accent:#1d4ed8}
        *{box-sizing:border-box}body{margin:0;overflow-wrap:break-word;font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--ink);background:var(--bg)}
        header{background:linear-gradient(120deg,#1e293b,#334155);color:#fff;padding:32px 48px 56px}
        header h1{margin:0 0 4px;font-size:26px;font-weight:650}header p{margin:0;color:#e2e8f0}header code{color:#fff}
        main{max-width:1100px;margin:0 auto;padding:0 32px 64px}
        .stats{display:grid;grid-template-columns:repeat(auto-fit,minmax(150px,1fr));gap:16px;margin:-32px 0 24px}
        .stat{background:var(--card);border-radius:12px;padding:16px 20px;box-shadow:0 1px 3px #0f172a22}
        .stat b{display:block;font-size:28px}.stat span{color:var(--muted);font-size:13px;text-transform:uppercase;letter-spacing:.04em}
        section.card{background:var(--card);border-radius:12px;padding:20px 24px;margin:0 0 20px;box-shadow:0 1px 3px #0f172a1a;min-width:0}
        h2{font-size:18px;margin:0 0 12px}h3{font-size:16px;margin:0}h1,h2,h3{overflow-wrap:anywhere}
        figure{margin:0}figcaption{color:var(--muted);font-size:13px;margin:0 0 6px}
        .legend{display:flex;flex-wrap:wrap;gap:6px 16px;font-size:13px;color:var(--muted);margin:8px 0 0;padding:0;list-style:none}
        .legend i{display:inline-block;width:10px;height:10px;border-radius:2px;margin-right:6px}
        .scroll{overflow-x:auto;max-width:100%}
        table{border-collapse:collapse;width:100%;font-size:14px}th,td{text-align:left;vertical-align:top;padding:6px 8px;border-bottom:1px solid var(--line)}
        th{color:var(--muted);font-weight:600;font-size:12px;text-transform:uppercase}
        code,pre{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:12.5px}code{overflow-wrap:anywhere}
        a{color:var(--accent);text-decoration:none}a:hover,a:focus-visible{text-decoration:underline}
        .pill{display:inline-block;border-radius:999px;padding:1px 10px;font-size:12px;font-weight:600;color:#fff}
        svg{max-width:100%;height:auto;display:block}
        details summary{cursor:pointer;color:var(--muted)}
        .filters{display:flex;flex-direction:column;gap:10px;margin:0 0 16px;padding:12px 14px;background:var(--bg);border:1px solid var(--line);border-radius:10px}
        .filters fieldset{border:0;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:6px;align-items:center}
        .filters legend{float:left;margin-right:8px;font-size:13px;font-weight:600;color:var(--muted)}
        .filters .buttons input{position:absolute;opacity:0;width:1px;height:1px}
        .filters .buttons label{border:1px solid #94a3b8;border-radius:999px;padding:2px 12px;font-size:13px;cursor:pointer;background:var(--card)}
        .filters .buttons input:checked+label{background:var(--ink);border-color:var(--ink);color:#fff}
        .filters .buttons input:focus-visible+label{outline:2px solid var(--accent);outline-offset:2px}
        .filters .selects{display:flex;flex-wrap:wrap;gap:8px 16px;align-items:center;font-size:13px;font-weight:600;color:var(--muted)}
        .filters select,.filters input[type=search],.filters button{font:inherit;font-weight:400;color:var(--ink);max-width:100%;padding:3px 6px;border:1px solid #94a3b8;border-radius:6px;background:var(--card)}
        .filters .selects label{display:flex;flex-wrap:wrap;align-items:center;gap:4px 6px;min-width:0;max-width:100%}
        .filters select{min-width:0;max-width:100%}.filters .search{display:flex;gap:6px;align-items:center}.filters .search[hidden]{display:none}
        .f-row[hidden]{display:none!important}.f-list{counter-reset:shown}.f-row{counter-increment:shown}
        .f-count{color:var(--muted);font-size:13px;margin:10px 0 0}.f-count::before{content:counter(shown) " "}
        pre.policy{margin:6px 0;padding:6px 0;background:var(--bg);border:1px solid var(--line);border-radius:8px;white-space:pre-wrap;overflow-wrap:anywhere}
        pre.policy code{display:block}.ln{display:flex}.ln::before{content:attr(data-n);flex:none;width:3.2em;padding-right:.8em;text-align:right;color:var(--muted);user-select:none}
        .ln>span,.ln>mark{flex:1;min-width:0;padding-right:8px}mark{background:#fef08a;color:var(--ink)}
        .guide p{margin:4px 0}.guide ul{margin:4px 0;padding-left:20px}
        @media(max-width:640px){.chart svg{min-width:560px}header{padding:20px 16px 44px}main{padding:0 10px 48px}section.card{padding:16px 12px}.stats{grid-template-columns:repeat(2,1fr);gap:10px}.stat{padding:12px}.stat b{font-size:22px}}
        @media print{body{background:#fff;font-size:12px}header{background:none;color:var(--ink);padding:0 0 8px}header p,header code{color:var(--ink)}
        main{max-width:none;padding:0}.stats{margin:0 0 12px}.stat,section.card{box-shadow:none;border:1px solid var(--line)}
        .filters,.f-count{display:none}.finding,tr,figure{break-inside:avoid}a[href^="https:"]::after{content:" (" attr(href) ")";font-size:10px;color:var(--muted)}}
        """;

    private bool _search;

    /// <summary>Starts the page: the head with the shared stylesheet and <paramref name="css"/>, then the header.</summary>
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

    /// <summary>The summary figures under the header, one card each.</summary>
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

    /// <summary>Writes <paramref name="filters"/>' form; the page then carries <see cref="ReportScript"/> for its search box.</summary>
    public void Filters(ReportFilters filters, string label)
    {
        ArgumentNullException.ThrowIfNull(filters);
        Html.Append(filters.Form(label));
        _search = true;
    }

    /// <summary>
    /// Opens a table with a header row of <paramref name="headers"/> (already HTML) and its body, in a region that scrolls
    /// sideways on its own when the table is wider than the screen (focusable, so a keyboard can scroll it), named <paramref name="label"/>.
    /// </summary>
    public void OpenTable(string label, IEnumerable<string> headers)
    {
        Html.Append(CultureInfo.InvariantCulture, $"<div class=\"scroll\" tabindex=\"0\" role=\"region\" aria-label=\"{Encode(label)}\"><table><thead><tr>");
        foreach (var header in headers)
        {
            Html.Append(CultureInfo.InvariantCulture, $"<th scope=\"col\">{header}</th>");
        }
        Html.Append("</tr></thead><tbody>");
    }

    /// <summary>Closes the table <see cref="OpenTable"/> opened.</summary>
    public void CloseTable() => Html.Append("</tbody></table></div>");

    /// <summary>
    /// A horizontal bar per row, stacked by severity from the most urgent, with each segment's count and the row's total,
    /// on an axis of findings with its ticks; then the legend and the same numbers as a table for those who cannot see the
    /// chart. Each segment's tooltip reads <c>LABEL: COUNT SEVERITY</c>.
    /// </summary>
    /// <param name="caption">What the chart shows, its caption and the image's name.</param>
    /// <param name="rowsAxis">What a row is: <c>Category</c>, <c>Run (UTC)</c>.</param>
    /// <param name="rows">The rows, top to bottom.</param>
    public void SeverityChart(string caption, string rowsAxis, IReadOnlyList<ChartRow> rows)
    {
        var inv = CultureInfo.InvariantCulture;
        const int LabelWidth = 210, BarWidth = 700, Row = 34, Bar = 22, Top = 26;
        var counts = rows.Select(static r => SeverityPalette.Order.Select(r.Count).ToArray()).ToList();
        var (step, axisMax) = Axis(counts.Count == 0 ? 0 : counts.Max(static c => c.Sum()));
        var plotBottom = Top + (rows.Count * Row);
        var height = plotBottom + 48;
        var id = "chart-" + Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(caption)))[..8].ToLowerInvariant();
        Html.Append(inv, $"<figure><figcaption id=\"{id}\">{Encode(caption)}</figcaption>");
        // On a phone the chart keeps a readable size and scrolls sideways within its own region, not the page.
        Html.Append(inv, $"<div class=\"scroll chart\" tabindex=\"0\" role=\"region\" aria-labelledby=\"{id}\">");
        Html.Append(inv, $"<svg role=\"img\" aria-labelledby=\"{id}\" viewBox=\"0 0 {LabelWidth + BarWidth + 60} {height}\" width=\"100%\">");
        Html.Append(inv, $"<text x=\"{LabelWidth - 12}\" y=\"16\" text-anchor=\"end\" font-size=\"12\" font-weight=\"600\" fill=\"#5b6b80\">{Encode(rowsAxis)}</text>");
        for (var tick = 0; tick <= axisMax; tick += step)
        {
            var x = LabelWidth + ((double)tick / axisMax * BarWidth);
            Html.Append(inv, $"<line x1=\"{x:F1}\" y1=\"{Top - 4}\" x2=\"{x:F1}\" y2=\"{plotBottom}\" stroke=\"#e2e8f0\"/>");
            Html.Append(inv, $"<text x=\"{x:F1}\" y=\"{plotBottom + 16}\" text-anchor=\"middle\" font-size=\"12\" fill=\"#5b6b80\">{tick}</text>");
        }
        Html.Append(inv, $"<line x1=\"{LabelWidth}\" y1=\"{plotBottom}\" x2=\"{LabelWidth + BarWidth}\" y2=\"{plotBottom}\" stroke=\"#5b6b80\"/>");
        Html.Append(inv, $"<line x1=\"{LabelWidth}\" y1=\"{Top - 4}\" x2=\"{LabelWidth}\" y2=\"{plotBottom}\" stroke=\"#5b6b80\"/>");
        Html.Append(inv, $"<text x=\"{LabelWidth + (BarWidth / 2)}\" y=\"{plotBottom + 38}\" text-anchor=\"middle\" font-size=\"12\" font-weight=\"600\" fill=\"#5b6b80\">Number of findings</text>");
        for (var i = 0; i < rows.Count; i++)
        {
            var y = Top + (i * Row) + 4;
            var label = Encode(rows[i].Label);
            Html.Append(inv, $"<text x=\"{LabelWidth - 12}\" y=\"{y + 16}\" text-anchor=\"end\" font-size=\"13\" fill=\"#334155\">{label}</text>");
            double x = LabelWidth;
            for (var s = 0; s < SeverityPalette.Order.Length; s++)
            {
                var (severity, count) = (SeverityPalette.Order[s], counts[i][s]);
                if (count == 0)
                {
                    continue;
                }
                var width = (double)count / axisMax * BarWidth;
                Html.Append(inv, $"<rect x=\"{x:F1}\" y=\"{y}\" width=\"{width:F1}\" height=\"{Bar}\" fill=\"{SeverityPalette.Colour(severity)}\"><title>{label}: {count} {severity}</title></rect>");
                if (width > 22)
                {
                    Html.Append(inv, $"<text x=\"{x + (width / 2):F1}\" y=\"{y + 15}\" text-anchor=\"middle\" font-size=\"12\" fill=\"#fff\">{count}</text>");
                }
                x += width;
            }
            Html.Append(inv, $"<text x=\"{x + 8:F1}\" y=\"{y + 16}\" font-size=\"13\" font-weight=\"600\" fill=\"#0f172a\">{counts[i].Sum()}</text>");
        }
        Html.Append("</svg></div><ul class=\"legend\" aria-label=\"Legend\">");
        foreach (var severity in SeverityPalette.Order)
        {
            Html.Append(inv, $"<li><i style=\"background:{SeverityPalette.Colour(severity)}\"></i>{severity}</li>");
        }
        Html.Append(inv, $"</ul><details><summary>The chart's numbers as a table</summary>");
        OpenTable(caption, [Encode(rowsAxis), .. SeverityPalette.Order.Select(static s => s.ToString()), "Total"]);
        for (var i = 0; i < rows.Count; i++)
        {
            Html.Append(inv, $"<tr><th scope=\"row\">{Encode(rows[i].Label)}</th>{string.Concat(counts[i].Select(static c => string.Create(CultureInfo.InvariantCulture, $"<td>{c}</td>")))}<td>{counts[i].Sum()}</td></tr>");
        }
        CloseTable();
        Html.Append("</details></figure>");
    }

    /// <summary>Ends the page, with the search script when the page has filters, and returns it.</summary>
    public string Close()
    {
        Html.Append("</main>");
        if (_search)
        {
            Html.Append("<script>").Append(ReportScript.Text).Append("</script>");
        }
        return Html.Append("</body></html>\n").ToString();
    }

    /// <summary>The axis of a chart whose longest bar is <paramref name="longest"/>: a step of 1, 2 or 5 times a power of ten, at most six ticks, and the last tick.</summary>
    internal static (int Step, int Max) Axis(int longest)
    {
        var step = 1;
        while (longest > step * 5)
        {
            var text = step.ToString(CultureInfo.InvariantCulture);
            step = text[0] switch { '1' => step * 2, '2' => step / 2 * 5, _ => step * 2 };
        }
        var max = Math.Max(step, (longest + step - 1) / step * step);
        return (step, max);
    }
}
