using System.Collections.Immutable;

namespace PolicyEngine.Catalog;

/// <summary>A resource type an action can act on, with what the action needs for it.</summary>
/// <remarks>Instances are immutable and safe to share between threads.</remarks>
public sealed class ActionResourceInfo
{
    internal ActionResourceInfo(
        ResourceTypeInfo resourceType,
        bool required,
        ImmutableArray<ConditionKeyInfo> conditionKeys,
        ImmutableArray<string> dependentActions)
    {
        ResourceType = resourceType;
        Required = required;
        ConditionKeys = conditionKeys;
        DependentActions = dependentActions;
    }

    /// <summary>The resource type's name, for example <c>object</c>.</summary>
    public string Name => ResourceType.Name;

    /// <summary>The resource type, with its ARN format.</summary>
    public ResourceTypeInfo ResourceType { get; }

    /// <summary>Whether AWS marks the resource type as required for the action.</summary>
    public bool Required { get; }

    /// <summary>The condition keys the action supports for this resource type.</summary>
    public ImmutableArray<ConditionKeyInfo> ConditionKeys { get; }

    /// <summary>Other actions a caller needs to act on this resource type, for example <c>kms:Decrypt</c>.</summary>
    public ImmutableArray<string> DependentActions { get; }

    /// <inheritdoc/>
    public override string ToString() => Required ? Name + "*" : Name;
}
