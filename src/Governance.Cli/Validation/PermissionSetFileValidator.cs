using System.Collections.Immutable;
using System.Text;
using System.Text.RegularExpressions;
using Governance.Core.Policies.PermissionSets;
using PolicyEngine.Catalog;
using PolicyEngine.Diagnostics;
using PolicyEngine.Syntax;
using PolicyEngine.Validation;

namespace Governance.Cli.Validation;

/// <summary>
/// Validates a permission set (<c>permission-sets/NAME.json</c>): the file as the service loads it, and its statements
/// as the inline policy a grant puts on a role, rendered for the resources the set allows. Findings about the rendered
/// policy are placed at the statement, action or resource template of the file they come from.
/// </summary>
/// <remarks>Never throws for any bytes.</remarks>
internal static partial class PermissionSetFileValidator
{
    /// <summary>The service's own rules for permission-set files.</summary>
    private static readonly JsonTextRules Rules = new(MaxDepth: 32, AllowComments: true, RefuseDuplicateKeys: true);

    private const string StatementsPath = "statements";

    public static FileReport Validate(string path, string fullPath, ReadOnlyMemory<byte> utf8)
    {
        if (!JsonTextCheck.TryParse(utf8, Rules, out var document, out var problem))
        {
            return Report(path, fullPath, [], [new FileFinding(TextProblems.ToFinding(problem), null, null)]);
        }
        document.Dispose();
        var text = TextProblems.WithoutBom(utf8);
        var positions = JsonPositions.Scan(text);
        var findings = new List<FileFinding>();
        var errors = new List<PolicyFileError>();
        var set = PermissionSetLoader.Read(Path.GetFileName(fullPath.Length > 0 ? fullPath : path), Encoding.UTF8.GetString(text.Span),
            ActionCatalog.Default, errors);
        findings.AddRange(errors.Select(e => new FileFinding(
            new Diagnostic(RepositoryCodes.InvalidPermissionSet, Severity.Error, e.Message, positions.Nearest(e.JsonPath)), null, null)));
        if (set is null)
        {
            return Report(path, fullPath, [], findings);
        }
        var resources = RenderResources(set, positions, findings);
        if (resources.Count == 0)
        {
            return Report(path, fullPath, [], findings);
        }
        var rendered = new CheckedDocument(StatementsPath, PolicyKind.Identity, PolicyContainer.RoleInline, DocumentCategory.PermissionSet,
            "the grant policy its statements render to");
        var report = PolicyValidator.Validate(set.RenderPolicy(resources), PolicyKind.Identity,
            new ValidationOptions { Container = PolicyContainer.RoleInline });
        foreach (var finding in report.Findings)
        {
            var (source, statement) = SourceOf(finding.Location.Path, set, resources);
            findings.Add(new FileFinding(finding with { Location = positions.Nearest(source) }, StatementsPath, statement));
        }
        return Report(path, fullPath, [rendered], findings);
    }

    /// <summary>
    /// The resources the policy is rendered for: the patterns the set allows. A set whose placeholders need S3 ARNs
    /// renders only its S3 patterns; any other pattern can never be requested, which is said.
    /// </summary>
    private static List<string> RenderResources(PermissionSet set, JsonPositions positions, List<FileFinding> findings)
    {
        var resources = new List<string>();
        for (var i = 0; i < set.AllowedResources.Length; i++)
        {
            var pattern = set.AllowedResources[i].Pattern;
            if (set.NeedsS3Resources && !ResourcePlaceholders.IsS3(pattern))
            {
                findings.Add(new FileFinding(new Diagnostic(RepositoryCodes.InvalidPermissionSet, Severity.Warning,
                    $"`{pattern}` can never be requested: `{ResourcePlaceholders.Bucket}` and `{ResourcePlaceholders.Objects}` are filled only from S3 ARNs",
                    positions.Nearest($"allowedResources[{i}]")), null, null));
                continue;
            }
            resources.Add(pattern);
        }
        return resources;
    }

    /// <summary>Where in the file a finding about the rendered policy comes from, and the statement it is about.</summary>
    private static (string Source, string? Statement) SourceOf(string renderedPath, PermissionSet set, List<string> resources)
    {
        var match = RenderedPath().Match(renderedPath);
        if (!match.Success || !int.TryParse(match.Groups["statement"].Value, out var index) || index >= set.Statements.Length)
        {
            return (StatementsPath, null);
        }
        var statement = set.Statements[index];
        var source = $"{StatementsPath}[{index}]";
        var key = statement.Sid is { Length: > 0 } sid ? "sid:" + sid : "index:" + index;
        var item = match.Groups["item"].Success && int.TryParse(match.Groups["item"].Value, out var i) ? i : -1;
        return match.Groups["element"].Value switch
        {
            "Sid" => (source + ".sid", key),
            "Action" => (item >= 0 ? $"{source}.actions[{item}]" : source + ".actions", key),
            "Resource" => (item >= 0 ? $"{source}.resources[{TemplateOf(statement, resources, item)}]" : source + ".resources", key),
            _ => (source, key),
        };
    }

    /// <summary>
    /// The index of the resource template that rendered the policy's <paramref name="rendered"/>-th resource, rendering
    /// as <see cref="PermissionSet.RenderPolicy"/> does: each template for each resource, first occurrence kept.
    /// </summary>
    private static int TemplateOf(PermissionSetStatement statement, List<string> resources, int rendered)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var t = 0; t < statement.Resources.Length; t++)
        {
            var template = statement.Resources[t];
            var values = template.Contains("{{", StringComparison.Ordinal) ? resources.Select(r => ResourcePlaceholders.Fill(template, r)) : [template];
            foreach (var value in values)
            {
                if (seen.Add(value) && seen.Count - 1 == rendered)
                {
                    return t;
                }
            }
        }
        return 0;
    }

    private static FileReport Report(string path, string fullPath, ImmutableArray<CheckedDocument> documents, List<FileFinding> findings)
        => new(path, fullPath, FileKind.PermissionSet, documents,
            [.. findings.OrderBy(static f => f.Diagnostic, Diagnostic.ByPosition)], ArnReferences.None);

    [GeneratedRegex(@"^Statement(\[(?<statement>\d{1,9})\])?(\.(?<element>[A-Za-z]+)(\[(?<item>\d{1,9})\])?)?", RegexOptions.CultureInvariant)]
    private static partial Regex RenderedPath();
}
