using System.Collections.Immutable;

namespace PolicyEngine.Catalog;

/// <summary>An AWS service: its prefix, actions, resource types and condition keys.</summary>
/// <remarks>Instances are immutable and safe to share between threads.</remarks>
public sealed class ServiceInfo
{
    internal ServiceInfo(
        string prefix,
        string name,
        bool supportsRcp,
        ImmutableArray<ActionInfo> actions,
        ImmutableArray<ResourceTypeInfo> resourceTypes,
        ImmutableArray<ConditionKeyInfo> conditionKeys)
    {
        Prefix = prefix;
        Name = name;
        SupportsRcp = supportsRcp;
        Actions = actions;
        ResourceTypes = resourceTypes;
        ConditionKeys = conditionKeys;
    }

    /// <summary>The prefix used in actions, for example <c>s3</c>.</summary>
    public string Prefix { get; }

    /// <summary>The service's name, for example <c>Amazon S3</c>.</summary>
    public string Name { get; }

    /// <summary>Whether resource control policies (RCPs) apply to the service.</summary>
    public bool SupportsRcp { get; }

    // Invariant: sorted by StringComparer.OrdinalIgnoreCase (generate.mjs sorts; a test checks), so lookups
    // and prefix scans can binary-search.

    /// <summary>The service's actions, sorted by name ignoring case.</summary>
    public ImmutableArray<ActionInfo> Actions { get; }

    /// <summary>The service's resource types.</summary>
    public ImmutableArray<ResourceTypeInfo> ResourceTypes { get; }

    /// <summary>The condition keys the service defines or supports, including global ones such as <c>aws:ResourceTag/${TagKey}</c>.</summary>
    public ImmutableArray<ConditionKeyInfo> ConditionKeys { get; }

    /// <summary>Finds an action by name, ignoring case.</summary>
    /// <param name="name">The action's name without the prefix, for example <c>getobject</c>.</param>
    /// <param name="action">The action, or null when the service has none of that name.</param>
    public bool TryGetAction(string name, out ActionInfo? action)
    {
        ArgumentNullException.ThrowIfNull(name);
        return TryGetAction(name.AsSpan(), out action);
    }

    /// <summary>Finds a resource type by name, ignoring case.</summary>
    /// <param name="name">The resource type's name, for example <c>object</c>.</param>
    /// <param name="resourceType">The resource type, or null when the service has none of that name.</param>
    public bool TryGetResourceType(string name, out ResourceTypeInfo? resourceType)
    {
        ArgumentNullException.ThrowIfNull(name);
        foreach (ResourceTypeInfo candidate in ResourceTypes)
        {
            if (string.Equals(candidate.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                resourceType = candidate;
                return true;
            }
        }

        resourceType = null;
        return false;
    }

    /// <inheritdoc/>
    public override string ToString() => Prefix;

    internal bool TryGetAction(ReadOnlySpan<char> name, out ActionInfo? action)
    {
        int index = LowerBound(name);
        if (index < Actions.Length && Actions[index].Name.AsSpan().Equals(name, StringComparison.OrdinalIgnoreCase))
        {
            action = Actions[index];
            return true;
        }

        action = null;
        return false;
    }

    /// <summary>The index of the first action whose name is not less than <paramref name="name"/>, ignoring case.</summary>
    internal int LowerBound(ReadOnlySpan<char> name)
    {
        int lo = 0, hi = Actions.Length;
        while (lo < hi)
        {
            int mid = lo + ((hi - lo) >> 1);
            if (Actions[mid].Name.AsSpan().CompareTo(name, StringComparison.OrdinalIgnoreCase) < 0)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }
}
