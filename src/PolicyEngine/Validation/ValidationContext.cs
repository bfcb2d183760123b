using System.Collections.Immutable;
using PolicyEngine.Catalog;
using PolicyEngine.Diagnostics;
using PolicyEngine.Model;

namespace PolicyEngine.Validation;

/// <summary>What the checks of one validation share: the document, its kind, the catalogue and the findings so far.</summary>
/// <remarks>One instance per validation; not thread-safe, and it need not be.</remarks>
internal sealed class ValidationContext(
    PolicyDocument document,
    PolicyKind kind,
    ValidationOptions options,
    ActionCatalog catalog,
    ReadOnlyMemory<byte> utf8)
{
    private readonly List<Diagnostic> _findings = [];
    private readonly Dictionary<string, ImmutableArray<ActionInfo>> _expansions = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<(ResourceTypeInfo Type, string Arn), bool> _arnMatches = [];

    public PolicyDocument Document { get; } = document;

    public PolicyKind Kind { get; } = kind;

    public ValidationOptions Options { get; } = options;

    public ActionCatalog Catalog { get; } = catalog;

    /// <summary>Fast lookups over <see cref="Catalog"/>.</summary>
    public CatalogIndex Index { get; } = CatalogIndex.For(catalog);

    /// <summary>The document's UTF-8 text, byte-order mark removed.</summary>
    public ReadOnlyMemory<byte> Utf8 { get; } = utf8;

    public IReadOnlyList<Diagnostic> Findings => _findings;

    /// <summary>True for the kinds IAM itself stores and checks (Sid charset, character set).</summary>
    public bool IsIamPolicy => Kind is PolicyKind.Identity or PolicyKind.Boundary or PolicyKind.Trust or PolicyKind.Session;

    public void Report(string code, Severity severity, string message, SourceLocation location, string? help = null)
        => _findings.Add(new Diagnostic(code, severity, message, location, help));

    /// <summary>The catalogue's actions for a pattern, computed once per validation.</summary>
    public ImmutableArray<ActionInfo> Expand(string pattern)
    {
        if (!_expansions.TryGetValue(pattern, out var actions))
        {
            actions = Catalog.Expand(pattern);
            _expansions[pattern] = actions;
        }
        return actions;
    }

    /// <summary>Whether an ARN pattern can name a resource of a type, computed once per validation (actions share types).</summary>
    public bool Matches(ResourceTypeInfo type, string arn)
    {
        if (!_arnMatches.TryGetValue((type, arn), out var matches))
        {
            matches = type.Matches(arn);
            _arnMatches[(type, arn)] = matches;
        }
        return matches;
    }

    /// <summary>A "did you mean" help line for the nearest known names, or null.</summary>
    public static string? DidYouMean(IReadOnlyList<string> candidates)
        => candidates.Count == 0 ? null : $"did you mean {string.Join(" or ", candidates.Select(static c => $"`{c}`"))}?";

    public static string? DidYouMean(string? candidate) => candidate is null ? null : $"did you mean `{candidate}`?";
}
