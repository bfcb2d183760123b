using PolicyEngine.Diagnostics;
using PolicyEngine.Model;

namespace PolicyEngine.Validation.Checks;

/// <summary>
/// SCPs and RCPs must declare Version 2012-10-17 (Organizations' SCP and RCP syntax pages); elsewhere a missing
/// Version is accepted but reads the document as 2008-10-17, where policy variables are literal text.
/// </summary>
internal sealed class VersionCheck : IPolicyCheck
{
    private const string VariableStart = "${";

    public string Name => "Version";

    public void Check(ValidationContext context)
    {
        var document = context.Document;
        var location = document.VersionLocation ?? SourceLocation.Root;
        if (context.Kind is PolicyKind.Scp or PolicyKind.Rcp)
        {
            if (document.Version != PolicyVersion.Version2012)
            {
                context.Report(DiagnosticCodes.VersionRequired, Severity.Error,
                    $"{PolicyKindText.Plural(context.Kind)} must declare `\"Version\": \"2012-10-17\"`", location,
                    "add `\"Version\": \"2012-10-17\"` at the top level");
            }
            return;
        }
        if (document.Version == PolicyVersion.Unspecified)
        {
            context.Report(DiagnosticCodes.MissingVersion, Severity.Warning,
                "policy has no `Version`; it is read as `2008-10-17`", location,
                "add `\"Version\": \"2012-10-17\"` at the top level");
        }
        if (document.SupportsPolicyVariables)
        {
            return;
        }
        foreach (var statement in document.Statements)
        {
            foreach (var value in VariableCarriers(statement))
            {
                if (value.Value.Contains(VariableStart, StringComparison.Ordinal))
                {
                    var version = document.Version == PolicyVersion.Version2008 ? "under `\"Version\": \"2008-10-17\"`" : "without a `Version`";
                    context.Report(DiagnosticCodes.PolicyVariableWithoutVersion, Severity.Warning,
                        $"`{value.Value}` holds a policy variable, which is literal text {version}", value.Location,
                        "declare `\"Version\": \"2012-10-17\"` so that policy variables are substituted");
                }
            }
        }
    }

    private static IEnumerable<LocatedString> VariableCarriers(Statement statement)
    {
        if (statement.Resource is { } resource)
        {
            foreach (var value in resource.Values)
            {
                yield return value;
            }
        }
        foreach (var clause in statement.Conditions)
        {
            foreach (var value in clause.Values)
            {
                yield return value;
            }
        }
    }
}
