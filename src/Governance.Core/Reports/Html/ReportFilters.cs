using System.Globalization;
using System.Text;

namespace Governance.Core.Reports.Html;

/// <summary>
/// The filters above a report's rows, built without script: each filter is a group of radio buttons or a select, and CSS
/// <c>:has()</c> hides the rows (<c>.f-row</c>) whose value differs from the chosen one. Free-text search is
/// <see cref="ReportScript"/>'s, shown only when scripts run.
/// </summary>
/// <remarks>
/// A row carries one token per filter (<c>data-f-KEY="tN"</c>), never the value itself, so no value reaches a CSS selector
/// and any text is safe as a value. The form's method is <c>dialog</c>, so Enter never submits it anywhere.
/// </remarks>
internal sealed class ReportFilters
{
    private readonly List<Filter> _filters = [];

    /// <summary>Adds a filter named <paramref name="label"/> over <paramref name="options"/> (value, what the control shows, already HTML).</summary>
    /// <param name="key">The filter's key, a CSS identifier: <c>sev</c>, <c>cat</c>.</param>
    /// <param name="label">The filter's name.</param>
    /// <param name="options">The values in the order the control lists them.</param>
    /// <param name="buttons">True for a row of radio buttons (few values), false for a select.</param>
    public ReportFilters Add(string key, string label, IEnumerable<(string Value, string Html)> options, bool buttons = false)
    {
        var list = options.DistinctBy(static o => o.Value, StringComparer.Ordinal).ToList();
        _filters.Add(new Filter(key, label, buttons, list, list.Select(static (o, i) => (o.Value, i)).ToDictionary(static p => p.Value, static p => p.i, StringComparer.Ordinal)));
        return this;
    }

    /// <summary>The attributes that make an element a filtered row with these values: <c> class="f-row CLASSES" data-f-KEY="tN"…</c>.</summary>
    public string Row(string classes, params (string Key, string Value)[] values)
    {
        var html = new StringBuilder().Append(CultureInfo.InvariantCulture, $" class=\"f-row{(classes.Length == 0 ? "" : " " + classes)}\"");
        foreach (var (key, value) in values)
        {
            if (_filters.FirstOrDefault(f => f.Key == key) is { } filter && filter.Tokens.TryGetValue(value, out var token))
            {
                html.Append(CultureInfo.InvariantCulture, $" data-f-{key}=\"t{token}\"");
            }
        }
        return html.ToString();
    }

    /// <summary>The CSS that hides the rows the chosen values exclude: one rule per value.</summary>
    public string Css()
    {
        var css = new StringBuilder();
        foreach (var filter in _filters)
        {
            for (var i = 0; i < filter.Options.Count; i++)
            {
                css.Append(CultureInfo.InvariantCulture, $"body:has(#f-{filter.Key}-{i}:checked) .f-row:not([data-f-{filter.Key}=\"t{i}\"]){{display:none}}\n");
            }
        }
        return css.ToString();
    }

    /// <summary>The form: every filter, the search box (hidden until the script shows it) and a button that clears them all.</summary>
    public string Form(string label)
    {
        var inv = CultureInfo.InvariantCulture;
        var html = new StringBuilder().Append(inv, $"<form class=\"filters\" method=\"dialog\" role=\"search\" aria-label=\"{HtmlReport.Encode(label)}\">");
        foreach (var filter in _filters.Where(static f => f.Buttons))
        {
            html.Append(inv, $"<fieldset class=\"buttons\"><legend>{HtmlReport.Encode(filter.Label)}</legend>");
            html.Append(inv, $"<input type=\"radio\" name=\"f-{filter.Key}\" id=\"f-{filter.Key}-all\" checked><label for=\"f-{filter.Key}-all\">All</label>");
            for (var i = 0; i < filter.Options.Count; i++)
            {
                html.Append(inv, $"<input type=\"radio\" name=\"f-{filter.Key}\" id=\"f-{filter.Key}-{i}\"><label for=\"f-{filter.Key}-{i}\">{filter.Options[i].Html}</label>");
            }
            html.Append("</fieldset>");
        }
        html.Append("<div class=\"selects\">");
        foreach (var filter in _filters.Where(static f => !f.Buttons))
        {
            html.Append(inv, $"<label>{HtmlReport.Encode(filter.Label)} <select id=\"f-{filter.Key}\"><option id=\"f-{filter.Key}-all\" selected>All</option>");
            for (var i = 0; i < filter.Options.Count; i++)
            {
                html.Append(inv, $"<option id=\"f-{filter.Key}-{i}\">{filter.Options[i].Html}</option>");
            }
            html.Append("</select></label>");
        }
        html.Append("<div class=\"search\" hidden><label for=\"f-search\">Search</label> <input type=\"search\" id=\"f-search\" placeholder=\"action, ARN, policy text…\"></div>");
        html.Append("<button type=\"reset\">Clear filters</button></div></form>");
        return html.ToString();
    }

    /// <summary>The line under filtered rows that counts those shown (a CSS counter, so it is right with scripts off).</summary>
    public static string Count(string noun) => $"<p class=\"f-count\">{HtmlReport.Encode(noun)} shown</p>";

    private sealed record Filter(string Key, string Label, bool Buttons, List<(string Value, string Html)> Options, Dictionary<string, int> Tokens);
}
