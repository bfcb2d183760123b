using System.Collections.Immutable;
using PolicyEngine.Catalog;
using PolicyEngine.Diagnostics;
using PolicyEngine.Model;
using PolicyEngine.Text;

namespace PolicyEngine.Validation.Checks;

/// <summary>
/// Condition keys the catalogue does not know, and keys none of the statement's actions supports. AWS accepts both;
/// a condition on a key that is never in the request context is false (or true, with IfExists but not ForAnyValue),
/// which is rarely what was meant, so these are warnings.
/// </summary>
/// <remarks>
/// Global <c>aws:</c> keys are supported by every action. Keys whose prefix holds a dot
/// (<c>token.actions.githubusercontent.com:sub</c>, <c>accounts.google.com:aud</c>) belong to identity providers
/// and are not in the catalogue, so they are not checked.
/// </remarks>
internal sealed class ConditionKeyCheck : IPolicyCheck
{
    public string Name => "ConditionKey";

    public void Check(ValidationContext context)
    {
        foreach (var statement in context.Document.Statements)
        {
            if (statement.Conditions.IsEmpty)
            {
                continue;
            }
            ImmutableArray<ActionInfo>? actions = null;
            var seenKeys = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var clause in statement.Conditions)
            {
                if (!seenKeys.Add(clause.Key))
                {
                    continue;
                }
                var key = clause.Key;
                var colon = key.IndexOf(':', StringComparison.Ordinal);
                if (colon <= 0)
                {
                    continue;
                }
                var prefix = key[..colon];
                if (prefix.Equals("aws", StringComparison.OrdinalIgnoreCase))
                {
                    CheckGlobal(context, clause);
                    continue;
                }
                if (prefix.Contains('.', StringComparison.Ordinal))
                {
                    continue;
                }
                if (!context.Catalog.TryGetServiceConditionKey(key, out _) && !IsTagKeyTemplate(context, prefix, key))
                {
                    context.Report(DiagnosticCodes.UnknownConditionKey, Severity.Warning,
                        $"unknown condition key `{key}`", clause.Location, ValidationContext.DidYouMean(SuggestServiceKey(context, prefix, key)));
                    continue;
                }
                actions ??= ActionsOf(context, statement);
                if (actions.Value.IsDefaultOrEmpty || actions.Value.Any(a => Supports(a, key)))
                {
                    continue;
                }
                context.Report(DiagnosticCodes.UnsupportedConditionKey, Severity.Warning,
                    $"none of the actions of statement `{statement.DisplayName}` supports condition key `{key}`", clause.Location,
                    "the condition never finds the key in the request, so it is false (true with `IfExists`, unless under `ForAnyValue`)");
            }
        }
    }

    private static void CheckGlobal(ValidationContext context, ConditionClause clause)
    {
        if (context.Catalog.TryGetGlobalConditionKey(clause.Key, out _))
        {
            return;
        }
        var suggestion = Suggestions.Closest(clause.Key, context.Catalog.GlobalConditionKeys.Where(static k => !k.IsTemplate).Select(static k => k.Key));
        context.Report(DiagnosticCodes.UnknownGlobalConditionKey, Severity.Warning,
            $"unknown global condition key `{clause.Key}`", clause.Location, ValidationContext.DidYouMean(suggestion));
    }

    private static string? SuggestServiceKey(ValidationContext context, string prefix, string key)
        => context.Catalog.TryGetService(prefix, out var service)
            ? Suggestions.Closest(key, service!.ConditionKeys.Where(static k => !k.IsTemplate).Select(static k => k.Key))
            : null;

    /// <summary>The actions a statement's Action names; default when it cannot be told (NotAction, <c>*</c>).</summary>
    private static ImmutableArray<ActionInfo> ActionsOf(ValidationContext context, Statement statement)
    {
        if (statement.Action.IsNot || statement.Action.Values.Any(static v => v.Value == "*"))
        {
            return default;
        }
        if (statement.Action.Values.Length == 1)
        {
            return context.Expand(statement.Action.Values[0].Value);
        }
        var all = ImmutableArray.CreateBuilder<ActionInfo>();
        foreach (var value in statement.Action.Values)
        {
            all.AddRange(context.Expand(value.Value));
        }
        return all.DrainToImmutable();
    }

    private static bool Supports(ActionInfo action, string key)
    {
        foreach (var known in action.ConditionKeys)
        {
            if (Matches(known, key))
            {
                return true;
            }
        }
        foreach (var resource in action.ResourceTypes)
        {
            foreach (var known in resource.ConditionKeys)
            {
                if (Matches(known, key))
                {
                    return true;
                }
            }
            foreach (var known in resource.ResourceType.ConditionKeys)
            {
                if (Matches(known, key))
                {
                    return true;
                }
            }
        }
        return false;
    }

    /// <summary>
    /// Some services spell a tag key placeholder without brackets (<c>secretsmanager:ResourceTag/tag-key</c>), so
    /// the catalogue takes it literally; a key with the same text up to its slash is that template filled in.
    /// </summary>
    private static bool Matches(ConditionKeyInfo known, string key)
    {
        if (known.Matches(key))
        {
            return true;
        }
        var slash = key.IndexOf('/', StringComparison.Ordinal);
        return slash > 0 && !known.IsTemplate && known.Key.Length > slash + 1
            && known.Key.AsSpan(0, slash + 1).Equals(key.AsSpan(0, slash + 1), StringComparison.OrdinalIgnoreCase);
    }

    private static bool IsTagKeyTemplate(ValidationContext context, string prefix, string key)
        => key.Contains('/', StringComparison.Ordinal)
            && context.Catalog.TryGetService(prefix, out var service)
            && service!.ConditionKeys.Any(k => Matches(k, key));
}
