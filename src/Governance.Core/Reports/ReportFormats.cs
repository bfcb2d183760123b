namespace Governance.Core.Reports;

/// <summary>The one spelling of each <see cref="ReportFormat"/>: <c>text</c>, <c>json</c>, <c>markdown</c>, <c>html</c>.</summary>
public static class ReportFormats
{
    /// <summary>The name of <paramref name="format"/>, as <c>--format</c> and <c>?format=</c> take it.</summary>
    public static string Name(ReportFormat format) => format switch
    {
        ReportFormat.Json => "json",
        ReportFormat.Markdown => "markdown",
        ReportFormat.Html => "html",
        _ => "text",
    };

    /// <summary>Reads a format's name; exact, so <c>JSON</c> and <c>1</c> are not names (a command line folds case before asking).</summary>
    public static bool TryParse(string? name, out ReportFormat format)
    {
        foreach (var candidate in Enum.GetValues<ReportFormat>())
        {
            if (string.Equals(Name(candidate), name, StringComparison.Ordinal))
            {
                format = candidate;
                return true;
            }
        }
        format = default;
        return false;
    }

    /// <summary>The names of <paramref name="formats"/> for a sentence: <c>`json`, `markdown` or `html`</c>.</summary>
    public static string OneOf(IEnumerable<ReportFormat> formats)
    {
        var names = formats.Select(static f => $"`{Name(f)}`").ToList();
        return names.Count < 2 ? string.Concat(names) : $"{string.Join(", ", names[..^1])} or {names[^1]}";
    }

    /// <summary>The media type a response in <paramref name="format"/> is served with.</summary>
    public static string MediaType(ReportFormat format) => format switch
    {
        ReportFormat.Json => "application/json; charset=utf-8",
        ReportFormat.Markdown => "text/markdown; charset=utf-8",
        ReportFormat.Html => "text/html; charset=utf-8",
        _ => "text/plain; charset=utf-8",
    };
}
