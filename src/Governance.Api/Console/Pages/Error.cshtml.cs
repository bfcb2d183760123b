using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Governance.Api.Console.Pages;

/// <summary>The console's error page: what went wrong in a person's words, never a stack trace.</summary>
[IgnoreAntiforgeryToken]
public sealed class ErrorModel : PageModel
{
    /// <summary>The heading.</summary>
    public string Title { get; private set; } = "Something went wrong";

    /// <summary>What to tell the person.</summary>
    public string Detail { get; private set; } = "The service could not complete this. Try again; if it keeps failing, tell the team that runs it.";

    /// <summary>Shows the error, or the status a console address answered with.</summary>
    public void OnGet(int? status) => Describe(status);

    /// <summary>As <see cref="OnGet"/>, for a failed form post.</summary>
    public void OnPost(int? status) => Describe(status);

    private void Describe(int? status)
    {
        if (HttpContext.Features.Get<IExceptionHandlerFeature>() is not null)
        {
            Response.StatusCode = StatusCodes.Status500InternalServerError;
            return;
        }
        Response.StatusCode = status is >= 400 and < 600 ? status.Value : StatusCodes.Status404NotFound;
        (Title, Detail) = Response.StatusCode switch
        {
            StatusCodes.Status404NotFound => ("Not found", "There is nothing here, or it is not yours to see."),
            StatusCodes.Status400BadRequest => ("Not understood", "The form could not be read. Go back, reload the page and try again."),
            StatusCodes.Status413PayloadTooLarge => ("Too much", "What was sent is larger than the service takes."),
            StatusCodes.Status429TooManyRequests => ("Slow down", "Too many requests in a short time. Wait a moment and try again."),
            _ => (Title, Detail),
        };
    }
}
