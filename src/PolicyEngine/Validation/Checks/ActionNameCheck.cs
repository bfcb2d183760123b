using PolicyEngine.Diagnostics;
using PolicyEngine.Matching;
using PolicyEngine.Model;

namespace PolicyEngine.Validation.Checks;

/// <summary>
/// An action must be <c>*</c> or <c>service:action</c>; IAM refuses anything else ("Actions/Conditions must be
/// prefaced by a vendor"). Unknown services and actions, and patterns that match nothing, are accepted by AWS and
/// do nothing, so they are warnings, with the catalogue's nearest names as help.
/// </summary>
internal sealed class ActionNameCheck : IPolicyCheck
{
    public string Name => "ActionName";

    public void Check(ValidationContext context)
    {
        foreach (var statement in context.Document.Statements)
        {
            foreach (var action in statement.Action.Values)
            {
                CheckAction(context, action);
            }
        }
    }

    private static void CheckAction(ValidationContext context, LocatedString action)
    {
        var text = action.Value;
        if (text.Length == 0 || text == "*")
        {
            return;
        }
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || colon == text.Length - 1 || text.IndexOf(':', colon + 1) >= 0)
        {
            context.Report(DiagnosticCodes.InvalidActionFormat, Severity.Error,
                $"`{text}` is not an action; expected `service:action` such as `s3:GetObject`, or `*`", action.Location,
                ValidationContext.DidYouMean(context.Catalog.Suggest(text, 1)));
            return;
        }
        if (context.Index.TryGetAction(text, out _))
        {
            // The common case, answered with one lookup.
            return;
        }
        var prefix = text[..colon];
        var name = text[(colon + 1)..];
        if (Wildcard.HasWildcard(prefix))
        {
            if (context.Expand(text).IsEmpty)
            {
                context.Report(DiagnosticCodes.ActionPatternMatchesNothing, Severity.Warning,
                    $"`{text}` matches no action", action.Location);
            }
            return;
        }
        if (!context.Catalog.TryGetService(prefix, out _))
        {
            context.Report(DiagnosticCodes.UnknownService, Severity.Warning,
                $"unknown service `{prefix}` in `{text}`", action.Location,
                ValidationContext.DidYouMean(context.Catalog.Suggest(prefix, 1).Select(p => p + ":" + name).ToList()));
            return;
        }
        if (Wildcard.HasWildcard(name))
        {
            if (context.Expand(text).IsEmpty)
            {
                context.Report(DiagnosticCodes.ActionPatternMatchesNothing, Severity.Warning,
                    $"`{text}` matches no `{prefix}` action", action.Location);
            }
            return;
        }
        context.Report(DiagnosticCodes.UnknownAction, Severity.Warning,
            $"unknown action `{text}`", action.Location,
            ValidationContext.DidYouMean(context.Catalog.Suggest(text, 2)));
    }
}
