using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace Governance.Api.Tests.Console.Infrastructure;

/// <summary>One answer of the console, read as a browser without JavaScript reads it.</summary>
public sealed class ConsolePage
{
    private static readonly HtmlParser Parser = new();

    internal ConsolePage(ConsoleClient client, string path, HttpStatusCode status, Uri? location, string html)
    {
        Client = client;
        Path = path;
        Status = status;
        Location = location;
        Html = html;
        Document = Parser.ParseDocument(html);
    }

    /// <summary>The client that fetched it, for the forms it submits.</summary>
    public ConsoleClient Client { get; }

    /// <summary>The address asked for.</summary>
    public string Path { get; }

    public HttpStatusCode Status { get; }

    /// <summary>Where a redirect points, relative to the service.</summary>
    public Uri? Location { get; }

    public string Html { get; }

    public IHtmlDocument Document { get; }

    /// <summary>The visible text of the main content, spaces collapsed, for assertions in a person's words.</summary>
    public string MainText => Collapse((Document.QuerySelector("main") ?? Document.Body)?.TextContent ?? "");

    /// <summary>The text of the one element <paramref name="selector"/> picks; fails when there is none.</summary>
    public string Text(string selector) => Collapse(One(selector).TextContent);

    /// <summary>The elements <paramref name="selector"/> picks.</summary>
    public IReadOnlyList<IElement> All(string selector) => [.. Document.QuerySelectorAll(selector)];

    /// <summary>The one element <paramref name="selector"/> picks.</summary>
    public IElement One(string selector)
    {
        var found = Document.QuerySelectorAll(selector);
        Assert.True(found.Length == 1, $"expected one `{selector}` on {Path}, found {found.Length}: {MainText}");
        return found[0];
    }

    /// <summary>
    /// Submits the form <paramref name="selector"/> picks as a browser would: its fields as the page filled them,
    /// <paramref name="fields"/> typed over them, and the button named <paramref name="submitter"/> (its name and value
    /// sent, its <c>formaction</c> followed) or the form's own action.
    /// </summary>
    public Task<ConsolePage> SubmitAsync(string selector, IReadOnlyDictionary<string, string>? fields = null, string? submitter = null)
    {
        if (One(selector) is not IHtmlFormElement form)
        {
            throw new InvalidOperationException($"`{selector}` on {Path} is not a form");
        }
        var values = new List<KeyValuePair<string, string>>();
        foreach (var element in form.Elements)
        {
            switch (element)
            {
                case IHtmlInputElement { Name.Length: > 0 } input when input.Type is "checkbox" or "radio":
                    if (input.IsChecked)
                    {
                        values.Add(new(input.Name!, input.Value));
                    }
                    break;
                case IHtmlInputElement { Name.Length: > 0 } input when input.Type is not ("submit" or "button" or "image"):
                    values.Add(new(input.Name!, input.Value));
                    break;
                case IHtmlTextAreaElement { Name.Length: > 0 } area:
                    values.Add(new(area.Name!, area.Value));
                    break;
                case IHtmlSelectElement { Name.Length: > 0 } select:
                    values.AddRange(select.Options.Where(static o => o.IsSelected).Select(o => new KeyValuePair<string, string>(select.Name!, o.Value)));
                    break;
            }
        }
        foreach (var (name, value) in fields ?? new Dictionary<string, string>())
        {
            values.RemoveAll(v => v.Key == name);
            values.Add(new(name, value));
        }
        var action = form.GetAttribute("action") is { Length: > 0 } a ? a : Path;
        var method = form.GetAttribute("method")?.ToUpperInvariant() == "POST" ? HttpMethod.Post : HttpMethod.Get;
        if (submitter is not null)
        {
            var button = form.QuerySelectorAll("button, input[type=submit]").FirstOrDefault(b => b.GetAttribute("name") == submitter || b.GetAttribute("value") == submitter || b.TextContent.Trim() == submitter)
                ?? throw new InvalidOperationException($"form `{selector}` on {Path} has no button `{submitter}`");
            if (button.GetAttribute("name") is { Length: > 0 } name)
            {
                values.Add(new(name, button.GetAttribute("value") ?? ""));
            }
            if (button.GetAttribute("formaction") is { Length: > 0 } formAction)
            {
                action = formAction;
            }
        }
        return method == HttpMethod.Post ? Client.PostFormAsync(action, values) : Client.GetAsync(WithQuery(action, values));
    }

    /// <summary>Follows a redirect, as a browser does.</summary>
    public Task<ConsolePage> FollowAsync()
    {
        Assert.True(Location is not null, $"expected a redirect from {Path}, got {(int)Status}: {MainText}");
        return Client.GetAsync(Location!.OriginalString);
    }

    private static string WithQuery(string action, List<KeyValuePair<string, string>> values)
        => action.Split('?')[0] + "?" + string.Join("&", values.Select(static v => $"{Uri.EscapeDataString(v.Key)}={Uri.EscapeDataString(v.Value)}"));

    private static string Collapse(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
