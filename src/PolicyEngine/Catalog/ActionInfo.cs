using System.Collections.Immutable;

namespace PolicyEngine.Catalog;

/// <summary>An action, such as <c>s3:GetObject</c>, as AWS's service authorization reference describes it.</summary>
/// <remarks>Instances are immutable and safe to share between threads.</remarks>
public sealed class ActionInfo
{
    internal ActionInfo(
        string servicePrefix,
        string name,
        AccessLevel accessLevel,
        ImmutableArray<ActionResourceInfo> resourceTypes,
        ImmutableArray<ConditionKeyInfo> conditionKeys,
        ImmutableArray<string> dependentActions)
    {
        ServicePrefix = servicePrefix;
        Name = name;
        FullName = string.Concat(servicePrefix, ":", name);
        AccessLevel = accessLevel;
        ResourceTypes = resourceTypes;
        ConditionKeys = conditionKeys;
        DependentActions = dependentActions;
    }

    /// <summary>The service prefix, for example <c>s3</c>.</summary>
    public string ServicePrefix { get; }

    /// <summary>The action's name as AWS spells it, for example <c>GetObject</c>.</summary>
    public string Name { get; }

    /// <summary>The prefix and name, for example <c>s3:GetObject</c>.</summary>
    public string FullName { get; }

    /// <summary>The action's access level.</summary>
    public AccessLevel AccessLevel { get; }

    /// <summary>The resource types the action can act on; empty when it supports only <c>"Resource": "*"</c>.</summary>
    public ImmutableArray<ActionResourceInfo> ResourceTypes { get; }

    /// <summary>The condition keys the action supports whatever the resource (resource-specific keys are on <see cref="ResourceTypes"/>).</summary>
    public ImmutableArray<ConditionKeyInfo> ConditionKeys { get; }

    /// <summary>Other actions a caller needs for this one, whatever the resource.</summary>
    public ImmutableArray<string> DependentActions { get; }

    /// <summary>Its position among its catalogue's actions (by service, then name), set once by the catalogue: a dense id for bit sets.</summary>
    internal int Ordinal { get; set; } = -1;

    /// <inheritdoc/>
    public override string ToString() => FullName;
}
