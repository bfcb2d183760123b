using PolicyEngine.Catalog;
using PolicyEngine.Evaluation;
using PolicyEngine.Model;

namespace Governance.Core.Accounts.Questions;

/// <summary>
/// Checks the action and resource of an access question before any policy is read; the CLI's <c>can-i</c> and the
/// API's <c>GET /v1/can-i</c> ask the same checks.
/// </summary>
public static class RequestChecks
{
    /// <summary>An action must be one known action, <c>service:Name</c>: a request is for exactly one. Null when it is.</summary>
    public static string? CheckAction(string action)
    {
        ArgumentNullException.ThrowIfNull(action);
        if (action.IndexOfAny(['*', '?']) >= 0)
        {
            return $"action `{action}` has a wildcard; a request is for one action, such as s3:GetObject";
        }
        var colon = action.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || colon == action.Length - 1)
        {
            return $"action `{action}` is not of the form service:Action, such as s3:GetObject";
        }
        if (ActionCatalog.Default.TryGetAction(action, out _))
        {
            return null;
        }
        var suggestions = ActionCatalog.Default.Suggest(action);
        var service = action[..colon];
        var what = ActionCatalog.Default.TryGetService(service, out _) ? "action" : "service";
        return $"unknown {what} in `{action}`" + (suggestions.Count > 0 ? $"; did you mean {string.Join(", ", suggestions)}?" : string.Empty);
    }

    /// <summary>A resource is <c>*</c> or an ARN with its six parts: <c>arn:partition:service:region:account:resource</c>. Null when it is.</summary>
    public static string? CheckResource(string resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        if (resource == "*")
        {
            return null;
        }
        if (ArnText.WhyNot(resource, "resource") is { } notArn)
        {
            return notArn;
        }
        if (!Arn.TryParse(resource, out var arn) || arn.Partition.Length == 0 || arn.Service.Length == 0 || arn.Resource.Length == 0)
        {
            return $"resource `{resource}` is not an ARN (arn:partition:service:region:account:resource) or `*`";
        }
        return null;
    }

    /// <summary>The most condition keys one request carries, and the most values one key holds.</summary>
    public const int MaxContextEntries = 100;

    /// <summary>
    /// Whether a request given whole (a simulate case) is within AWS's own bounds: principal and resource ARNs of at most
    /// <see cref="ArnText.MaxLength"/> characters, at most <see cref="MaxContextEntries"/> condition keys of as many values,
    /// each value at most <see cref="ArnText.MaxLength"/> characters (an ARN in <c>aws:SourceArn</c> is the longest AWS
    /// sends). Null when it is. The engine's matching grows with these lengths, so they bound a question's work.
    /// </summary>
    public static string? CheckRequestBounds(AuthorizationRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        foreach (var (name, value) in new[] { ("principal", request.Principal), ("resource", request.Resource), ("action", request.Action) })
        {
            if (value.Length > ArnText.MaxLength)
            {
                return $"the {name} has {value.Length} characters; at most {ArnText.MaxLength}";
            }
        }
        if (request.Context.Count > MaxContextEntries)
        {
            return $"{request.Context.Count} context keys; at most {MaxContextEntries}";
        }
        foreach (var (key, values) in request.Context.Entries)
        {
            if (key.Length > ArnText.MaxLength || values.Length > MaxContextEntries || values.Any(static v => v.Length > ArnText.MaxLength))
            {
                return $"context key `{(key.Length > 128 ? key[..128] + "…" : key)}`: at most {MaxContextEntries} values of at most {ArnText.MaxLength} characters";
            }
        }
        return null;
    }
}
