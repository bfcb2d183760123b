using PolicyEngine.Diagnostics;

namespace PolicyEngine.Validation.Checks;

/// <summary>
/// IAM accepts only ASCII letters and digits in Sids ("Statement IDs (SID) must be alpha-numeric");
/// resource-based and Organizations policies are more lenient, so only IAM's own kinds are checked.
/// </summary>
internal sealed class SidCheck : IPolicyCheck
{
    public string Name => "Sid";

    public void Check(ValidationContext context)
    {
        if (!context.IsIamPolicy)
        {
            return;
        }
        foreach (var statement in context.Document.Statements)
        {
            if (statement.Sid is not { } sid || sid.All(char.IsAsciiLetterOrDigit))
            {
                continue;
            }
            var suggestion = new string([.. sid.Where(char.IsAsciiLetterOrDigit)]);
            context.Report(DiagnosticCodes.InvalidSid, Severity.Error,
                $"Sid `{sid}` may hold only ASCII letters and digits in IAM policies",
                statement.SidLocation ?? statement.Location,
                suggestion.Length > 0 ? ValidationContext.DidYouMean(suggestion) : null);
        }
    }
}
