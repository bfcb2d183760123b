using System.Net;
using System.Text;

namespace Governance.Api.Console;

/// <summary>
/// The console's error answer: a small page in a person's words for a failure or an empty error status on a console
/// address, never a stack trace. Written directly rather than by re-executing a page, so it needs no routing, session or
/// database, the things that may be what failed.
/// </summary>
internal static class ConsoleErrorPage
{
    /// <summary>Failures and empty error statuses of console addresses answer with this page; the JSON API keeps its problem details.</summary>
    public static IApplicationBuilder UseConsoleErrorPages(this IApplicationBuilder app)
        => app.UseWhen(static context => !ConsolePaths.IsApi(context.Request.Path), static console =>
        {
            console.UseExceptionHandler(new ExceptionHandlerOptions
            {
                ExceptionHandler = static context => WriteAsync(context.Response, StatusCodes.Status500InternalServerError),
            });
            console.UseStatusCodePages(static context => WriteAsync(context.HttpContext.Response, context.HttpContext.Response.StatusCode));
        });

    /// <summary>The heading and the sentence for <paramref name="status"/>.</summary>
    public static (string Title, string Detail) Describe(int status) => status switch
    {
        StatusCodes.Status400BadRequest => ("Not understood",
            "The form could not be read, perhaps because the page was open too long. Go back, reload the page and try again."),
        StatusCodes.Status403Forbidden => ("Not for you", "Your roles do not allow this."),
        StatusCodes.Status404NotFound => ("Not found", "There is nothing here, or it is not yours to see."),
        StatusCodes.Status405MethodNotAllowed => ("Not here", "This address does not take that kind of request."),
        StatusCodes.Status413PayloadTooLarge => ("Too much", "What was sent is larger than the service takes."),
        StatusCodes.Status429TooManyRequests => ("Slow down", "Too many requests in a short time. Wait a moment and try again."),
        StatusCodes.Status503ServiceUnavailable => ("Unavailable", "The service cannot reach its database just now. Try again in a moment."),
        _ => ("Something went wrong", "The service could not complete this. Try again; if it keeps failing, tell the team that runs it."),
    };

    private static Task WriteAsync(HttpResponse response, int status)
    {
        var (title, detail) = Describe(status);
        response.StatusCode = status;
        response.ContentType = "text/html; charset=utf-8";
        var html = new StringBuilder()
            .Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Append("<title>").Append(WebUtility.HtmlEncode(title)).Append(" · iamgov</title>")
            .Append("<link rel=\"stylesheet\" href=\"").Append(ConsoleStyleSheet.Path).Append("\"></head><body>")
            .Append("<header class=\"site\"><div class=\"bar\"><a class=\"product\" href=\"/\">iamgov</a></div></header>")
            .Append("<main id=\"main\"><h1>").Append(WebUtility.HtmlEncode(title)).Append("</h1>")
            .Append("<div class=\"notice bad\" role=\"alert\">").Append(WebUtility.HtmlEncode(detail)).Append("</div>")
            .Append("<p><a href=\"/\">Back to the console</a></p></main></body></html>")
            .ToString();
        return response.WriteAsync(html);
    }
}
