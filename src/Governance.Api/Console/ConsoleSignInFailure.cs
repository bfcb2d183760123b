using Governance.Api.Auth;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace Governance.Api.Console;

/// <summary>
/// Why a sign-in at the authority did not start a session, in the person's words, carried to the sign-in page in
/// TempData: never the provider's own text (a crafted answer could put words there), never an exception.
/// </summary>
internal static class ConsoleSignInFailure
{
    /// <summary>The TempData key the sign-in page reads.</summary>
    public const string TempDataKey = "ConsoleSignInFailure";

    /// <summary>What to tell the person when the authority does not answer.</summary>
    public const string Unreachable = "Your organisation's sign-in service could not be reached. Try again in a moment.";

    /// <summary>What to tell the person about <paramref name="failure"/>.</summary>
    public static string Describe(Exception? failure) => failure switch
    {
        SubjectRefusedException refused =>
            $"Your account cannot sign in to this service: {refused.Message}. Ask your identity provider's administrators to give it a user id the service accepts.",
        OpenIdConnectProtocolException protocol when protocol.Data["error"] is "access_denied" =>
            "The sign-in was cancelled or refused at your organisation's sign-in page. Try again, or ask for access there.",
        OpenIdConnectProtocolException or Microsoft.IdentityModel.Tokens.SecurityTokenException =>
            "Your organisation's sign-in answered with something this service cannot accept. Try again; if it happens again, tell the service's operators.",
        HttpRequestException or InvalidOperationException { InnerException: HttpRequestException or IOException } or TaskCanceledException => Unreachable,
        _ => "The sign-in did not complete (it may have taken too long, or been started in another window). Try again.",
    };

    /// <summary>Keeps <paramref name="message"/> for the sign-in page that the person is sent to next.</summary>
    public static void Keep(HttpContext context, string message)
    {
        ArgumentNullException.ThrowIfNull(context);
        var tempData = context.RequestServices.GetRequiredService<ITempDataDictionaryFactory>().GetTempData(context);
        tempData[TempDataKey] = message;
        tempData.Save();
    }
}
