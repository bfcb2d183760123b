using System.Collections.Immutable;
using PolicyEngine.Validation;

namespace Governance.Cli.Validation;

/// <summary>Validates a file that holds one plain policy document, as the kind given.</summary>
internal static class PolicyFileValidator
{
    public static FileReport Validate(string path, string fullPath, ReadOnlyMemory<byte> utf8, PolicyKind kind, PolicyContainer container)
    {
        var report = PolicyValidator.Validate(utf8, kind, new ValidationOptions { Container = container });
        var positions = new Lazy<JsonPositions>(() => JsonPositions.Scan(TextProblems.WithoutBom(utf8)));
        var findings = report.Findings
            .Select(d => new FileFinding(d, null, StatementKey.Of(d.Location.Path, p => positions.Value.StringAt(p))))
            .ToImmutableArray();
        var document = new CheckedDocument(string.Empty, kind, HasContainer(kind) ? container : null, CategoryOf(kind), string.Empty);
        return new FileReport(path, fullPath, FileKind.Policy, [document], findings, ArnReferences.None);
    }

    /// <summary>Whether the size quota of <paramref name="kind"/> depends on where the policy is stored.</summary>
    public static bool HasContainer(PolicyKind kind) => kind is PolicyKind.Identity or PolicyKind.Boundary;

    private static DocumentCategory CategoryOf(PolicyKind kind) => kind switch
    {
        PolicyKind.Scp => DocumentCategory.Scp,
        PolicyKind.Rcp => DocumentCategory.Rcp,
        PolicyKind.Resource or PolicyKind.AccessPoint => DocumentCategory.Resource,
        PolicyKind.Trust => DocumentCategory.Trust,
        PolicyKind.Boundary => DocumentCategory.Boundary,
        PolicyKind.Session => DocumentCategory.Session,
        PolicyKind.VpcEndpoint => DocumentCategory.VpcEndpoint,
        _ => DocumentCategory.Identity,
    };
}
