using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Governance.Core.Drift;
using Governance.Core.Policies.PermissionSets;
using PolicyEngine.Diagnostics;
using PolicyEngine.Syntax;
using PolicyEngine.Validation;

namespace Governance.Cli.Validation;

/// <summary>
/// Validates a role definition (<c>roles/NAME.json</c>): the file as the drift audit reads it, its trust policy as a
/// role trust policy, each inline policy as an identity policy inline in a role (and all of them against the role's
/// shared inline quota), and the ARNs of its managed policies and boundary, whose documents live in the account.
/// </summary>
/// <remarks>Never throws for any bytes; every finding is placed at its line in the role file.</remarks>
internal static partial class RoleFileValidator
{
    /// <summary>The drift audit's own rules for role files.</summary>
    private static readonly JsonTextRules Rules = new(MaxDepth: 64, AllowComments: true, RefuseDuplicateKeys: true);

    // A role's inline policies share one quota: "IAM and AWS STS quotas" (reference_iam-quotas.html), 10,240 characters
    // for all of a role's inline policies together, white space not counted; the validator holds each one to it alone.
    private const int RoleInlineTotal = 10_240;

    public static FileReport Validate(string path, string fullPath, ReadOnlyMemory<byte> utf8)
    {
        if (!JsonTextCheck.TryParse(utf8, Rules, out var document, out var problem))
        {
            return Report(path, fullPath, [], [new FileFinding(TextProblems.ToFinding(problem), null, null)], ArnReferences.None);
        }
        using (document)
        {
            var text = TextProblems.WithoutBom(utf8);
            var positions = JsonPositions.Scan(text);
            var findings = new List<FileFinding>();
            findings.AddRange(LoaderErrors(Path.GetFileName(fullPath.Length > 0 ? fullPath : path), Encoding.UTF8.GetString(text.Span), positions));
            var documents = new List<CheckedDocument>();
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return Report(path, fullPath, documents, findings, ArnReferences.None);
            }
            if (root.TryGetProperty("trustPolicy", out var trust) && trust.ValueKind == JsonValueKind.Object)
            {
                var checkedDocument = new CheckedDocument("trustPolicy", PolicyKind.Trust, null, DocumentCategory.RoleTrust, "trust policy");
                Validate(trust, checkedDocument, positions, documents, findings);
            }
            var inlineTotal = 0;
            if (root.TryGetProperty("inlinePolicies", out var inlines) && inlines.ValueKind == JsonValueKind.Object)
            {
                foreach (var inline in inlines.EnumerateObject())
                {
                    var checkedDocument = new CheckedDocument(JsonPositions.Join("inlinePolicies", inline.Name), PolicyKind.Identity,
                        PolicyContainer.RoleInline, DocumentCategory.RoleInline, $"inline policy `{inline.Name}`");
                    inlineTotal += Validate(inline.Value, checkedDocument, positions, documents, findings);
                }
            }
            if (inlineTotal > RoleInlineTotal)
            {
                findings.Add(new FileFinding(new Diagnostic(DiagnosticCodes.PolicyTooLarge, Severity.Error,
                    $"the role's inline policies total {inlineTotal} characters (white space not counted); a role's inline policies together allow at most {RoleInlineTotal}",
                    positions.Nearest("inlinePolicies"), "move some statements to a customer managed policy"), null, null));
            }
            var references = CheckArns(root, positions, findings);
            return Report(path, fullPath, documents, findings, references);
        }
    }

    /// <summary>Validates one policy inside the file; returns its size as the quota counts it (0 when unreadable).</summary>
    private static int Validate(JsonElement element, CheckedDocument checkedDocument, JsonPositions positions,
        List<CheckedDocument> documents, List<FileFinding> findings)
    {
        documents.Add(checkedDocument);
        var options = new ValidationOptions { Container = checkedDocument.Container ?? PolicyContainer.Managed };
        var report = PolicyValidator.Validate(JsonMarshal.GetRawUtf8Value(element).ToArray(), checkedDocument.Kind, options);
        foreach (var finding in report.Findings)
        {
            var statement = StatementKey.Of(finding.Location.Path, p => positions.StringAt(JsonPositions.Join(checkedDocument.Path, p)));
            findings.Add(new FileFinding(positions.Shift(finding, checkedDocument.Path), checkedDocument.Path, statement));
        }
        return report.Document?.CharacterCount ?? 0;
    }

    /// <summary>
    /// What the drift audit's reader refuses in the file, but for the grammar errors of the policies in it, which the
    /// validator reports itself, with their own codes and places.
    /// </summary>
    private static IEnumerable<FileFinding> LoaderErrors(string file, string text, JsonPositions positions)
    {
        var errors = new List<PolicyFileError>();
        if (RoleDefinitionLoader.Read(file, text, errors) is { } role && RoleDefinitionLoader.CheckFileName(role, file) is { } misnamed)
        {
            errors.Add(misnamed);
        }
        foreach (var error in errors)
        {
            var aboutAPolicy = error.JsonPath == "trustPolicy" || error.JsonPath.StartsWith("inlinePolicies.", StringComparison.Ordinal);
            if (aboutAPolicy && (ValidatorCode().IsMatch(error.Message) || error.Message == "not a policy document"))
            {
                continue;
            }
            yield return new FileFinding(new Diagnostic(RepositoryCodes.InvalidRoleDefinition, Severity.Error, error.Message,
                positions.Nearest(error.JsonPath)), null, null);
        }
    }

    private static ArnReferences CheckArns(JsonElement root, JsonPositions positions, List<FileFinding> findings)
    {
        var managed = 0;
        if (root.TryGetProperty("attachedPolicies", out var attached) && attached.ValueKind == JsonValueKind.Array)
        {
            var index = 0;
            foreach (var arn in attached.EnumerateArray())
            {
                managed++;
                CheckArn(arn, $"attachedPolicies[{index++}]", "attached policy", positions, findings);
            }
        }
        var boundaries = 0;
        if (root.TryGetProperty("permissionsBoundary", out var boundary) && boundary.ValueKind != JsonValueKind.Null)
        {
            boundaries++;
            CheckArn(boundary, "permissionsBoundary", "permissions boundary", positions, findings);
        }
        return new ArnReferences(managed, boundaries);
    }

    private static void CheckArn(JsonElement value, string jsonPath, string what, JsonPositions positions, List<FileFinding> findings)
    {
        // The loader already refuses values that are not strings; only the form of a string is checked here.
        if (value.ValueKind != JsonValueKind.String || ManagedPolicyArn().IsMatch(value.GetString()!))
        {
            return;
        }
        findings.Add(new FileFinding(new Diagnostic(RepositoryCodes.InvalidPolicyArn, Severity.Error,
            $"`{value.GetString()}` is not the ARN of a managed policy; {what}s are named as `arn:aws:iam::ACCOUNT:policy/NAME` or `arn:aws:iam::aws:policy/NAME`",
            positions.Nearest(jsonPath)), null, null));
    }

    private static FileReport Report(string path, string fullPath, List<CheckedDocument> documents, List<FileFinding> findings, ArnReferences references)
        => new(path, fullPath, FileKind.Role, [.. documents],
            [.. findings.OrderBy(static f => f.Diagnostic, Diagnostic.ByPosition)], references);

    [GeneratedRegex(@"^IAM\d{4} ", RegexOptions.CultureInvariant)]
    private static partial Regex ValidatorCode();

    [GeneratedRegex(@"^arn:aws(-[a-z]+)*:iam::(\d{12}|aws):policy/[\w+=,.@/-]+$", RegexOptions.CultureInvariant)]
    private static partial Regex ManagedPolicyArn();
}
