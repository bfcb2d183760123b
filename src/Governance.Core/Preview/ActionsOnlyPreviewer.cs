using PolicyEngine.Catalog;
using PolicyEngine.Model;
using PolicyEngine.Parsing;

namespace Governance.Core.Preview;

/// <summary>
/// The first, honest preview: every action the grant's statements allow, expanded through the action catalogue
/// with its access level and resources. It does not subtract what the role already has and finds no risks; its
/// <see cref="AccessPreview.Analysis"/> says so.
/// </summary>
public sealed class ActionsOnlyPreviewer(ActionCatalog catalog) : IAccessPreviewer
{
    /// <inheritdoc />
    public ValueTask<AccessPreview> PreviewAsync(AccessPreviewInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        return ValueTask.FromResult(Preview(input.PolicyDocument));
    }

    /// <summary>The preview of one identity policy document.</summary>
    public AccessPreview Preview(string policyDocument)
    {
        var document = PolicyParser.Parse(policyDocument).GetValueOrThrow();
        var actions = new SortedDictionary<string, (AccessLevel Level, SortedSet<string> Resources)>(StringComparer.Ordinal);
        foreach (var statement in document.Statements.Where(static s => s.Effect == Effect.Allow && !s.Action.IsNot))
        {
            var resources = statement.Resource is { IsNot: false } r ? r.Values.Select(static v => v.Value).ToArray() : ["*"];
            foreach (var pattern in statement.Action.Values)
            {
                foreach (var action in catalog.Expand(pattern.Value))
                {
                    if (!actions.TryGetValue(action.FullName, out var entry))
                    {
                        entry = (action.AccessLevel, new SortedSet<string>(StringComparer.Ordinal));
                        actions[action.FullName] = entry;
                    }
                    entry.Resources.UnionWith(resources);
                }
            }
        }
        return new AccessPreview(
            AccessPreview.ActionsOnly,
            [.. actions.Select(static a => new PreviewAction(a.Key, a.Value.Level, [.. a.Value.Resources]))],
            []);
    }
}
