using PolicyEngine.Catalog;
using PolicyEngine.Diagnostics;
using PolicyEngine.Matching;

namespace PolicyEngine.Validation.Checks;

/// <summary>
/// An action named in full that supports none of the statement's resources never matches them: AWS accepts the
/// statement, but it grants (or denies) nothing for that action. Statements with <c>"Resource": "*"</c>, NotAction
/// or NotResource are not checked, nor are action patterns, whose many actions usually span resource types.
/// </summary>
internal sealed class ResourceTypeCheck : IPolicyCheck
{
    public string Name => "ResourceType";

    public void Check(ValidationContext context)
    {
        foreach (var statement in context.Document.Statements)
        {
            if (statement.Action.IsNot || statement.Resource is not { IsNot: false } resource
                || resource.Values.Any(static v => v.Value == "*"))
            {
                continue;
            }
            var arns = resource.Values.Select(static v => v.Value).Where(ResourceArnCheck.IsArnOrWildcard).ToArray();
            if (arns.Length == 0)
            {
                continue;
            }
            foreach (var value in statement.Action.Values)
            {
                if (Wildcard.HasWildcard(value.Value) || !context.Index.TryGetAction(value.Value, out var action))
                {
                    continue;
                }
                if (action!.ResourceTypes.IsEmpty)
                {
                    context.Report(DiagnosticCodes.UnsupportedResourceType, Severity.Warning,
                        $"`{action.FullName}` does not support resource-level permissions, so it never matches these resources",
                        value.Location, "give this action its own statement with `\"Resource\": \"*\"`");
                    continue;
                }
                if (!arns.Any(arn => Supports(context, action, arn)))
                {
                    var types = string.Join(", ", action.ResourceTypes.Take(3).Select(static t => $"`{t.ResourceType.ArnFormat}`"));
                    context.Report(DiagnosticCodes.UnsupportedResourceType, Severity.Warning,
                        $"`{action.FullName}` supports none of the resources of statement `{statement.DisplayName}`",
                        value.Location, $"it acts on {types}");
                }
            }
        }
    }

    private static bool Supports(ValidationContext context, ActionInfo action, string arn)
    {
        var service = ServiceField(arn);
        foreach (var type in action.ResourceTypes)
        {
            // Cheap test first: two literal service fields that differ never overlap.
            var typeService = ServiceField(type.ResourceType.ArnFormat);
            if (IsLiteral(service) && IsLiteral(typeService) && !service.SequenceEqual(typeService))
            {
                continue;
            }
            if (context.Matches(type.ResourceType, arn))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>The third field of an ARN (the service), or empty when there is none.</summary>
    private static ReadOnlySpan<char> ServiceField(string arn)
    {
        var first = arn.IndexOf(':', StringComparison.Ordinal);
        var second = first < 0 ? -1 : arn.IndexOf(':', first + 1);
        var third = second < 0 ? -1 : arn.IndexOf(':', second + 1);
        return third < 0 ? [] : arn.AsSpan(second + 1, third - second - 1);
    }

    private static bool IsLiteral(ReadOnlySpan<char> field) => field.Length > 0 && field.IndexOfAny('*', '?', '$') < 0;
}
