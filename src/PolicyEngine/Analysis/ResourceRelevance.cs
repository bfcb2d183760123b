using PolicyEngine.Catalog;

namespace PolicyEngine.Analysis;

/// <summary>Whether a resource pattern can name a resource an action acts on, by the catalogue's ARN formats; cached per pattern.</summary>
/// <remarks>
/// A statement that lists <c>s3:GetObject</c> and <c>s3:ListBucket</c> on a bucket and its objects does not allow
/// <c>s3:GetObject</c> on the bucket ARN in any useful sense; listing it would be noise.
/// </remarks>
internal sealed class ResourceRelevance
{
    private readonly Dictionary<(ResourceTypeInfo, string), bool> _cache = [];

    /// <summary>Whether <paramref name="resource"/> is worth deciding for <paramref name="action"/>.</summary>
    /// <param name="action">The action.</param>
    /// <param name="resource">A pattern from a policy, or a queried ARN.</param>
    /// <param name="exact">True for a queried ARN: only actions whose resource types can name it apply.</param>
    public bool Applies(ActionInfo action, string resource, bool exact)
    {
        if (resource == "*")
        {
            return !exact || action.ResourceTypes.IsEmpty;
        }
        foreach (var type in action.ResourceTypes)
        {
            var key = (type.ResourceType, resource);
            if (!_cache.TryGetValue(key, out var matches))
            {
                _cache[key] = matches = type.ResourceType.Matches(resource);
            }
            if (matches)
            {
                return true;
            }
        }
        return false;
    }
}
