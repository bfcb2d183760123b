using PolicyEngine.Catalog;
using PolicyEngine.Syntax;

namespace PolicyEngine.Validation;

/// <summary>Settings for <see cref="PolicyValidator"/>; the defaults suit a customer managed policy.</summary>
public sealed record ValidationOptions
{
    /// <summary>The options used when none are given.</summary>
    public static ValidationOptions Default { get; } = new();

    /// <summary>Where an identity policy is stored; decides the size quota of <see cref="PolicyKind.Identity"/> documents.</summary>
    public PolicyContainer Container { get; init; } = PolicyContainer.Managed;

    /// <summary>A size quota to use instead of the default for the kind, for quotas raised through Service Quotas.</summary>
    /// <remarks>Zero or less means "no quota"; null means the kind's default.</remarks>
    public int? MaxCharacters { get; init; }

    /// <summary>The catalogue to check actions and condition keys against; null for <see cref="ActionCatalog.Default"/>.</summary>
    public ActionCatalog? Catalog { get; init; }

    /// <summary>Bounds on the text read; null for <see cref="ReaderLimits.Default"/>.</summary>
    public ReaderLimits? ReaderLimits { get; init; }
}
