using System.Collections.Immutable;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using PolicyEngine.Catalog;
using PolicyEngine.Diagnostics;
using PolicyEngine.Parsing;
using PolicyEngine.Syntax;
using PolicyEngine.Validation.Checks;

namespace PolicyEngine.Validation;

/// <summary>
/// Validates a policy document for a kind of policy, as IAM Access Analyzer's policy validation does: the grammar
/// first, then an ordered list of named checks.
/// </summary>
/// <remarks>Never throws for any input text; thread-safe.</remarks>
public static class PolicyValidator
{
    // Order matters only for readability of traces: findings are sorted by position afterwards.
    // Rules AWS enforces come first (errors), then catalogue checks (warnings), then quality (suggestions).
    internal static readonly IPolicyCheck[] Checks =
    [
        new SizeQuotaCheck(),
        new CharacterSetCheck(),
        new VersionCheck(),
        new SidCheck(),
        new PrincipalCheck(),
        new ResourceElementCheck(),
        new TrustPolicyCheck(),
        new ResourceControlPolicyCheck(),
        new AccessPointPolicyCheck(),
        new VpcEndpointPolicyCheck(),
        new ActionNameCheck(),
        new ResourceArnCheck(),
        new ResourceTypeCheck(),
        new ConditionKeyCheck(),
        new ConditionValueCheck(),
        new BroadGrantCheck(),
        new PassRoleCheck(),
        new RedundantActionCheck(),
        new RedundantStatementCheck(),
        new ForAnyValueIfExistsCheck(),
    ];

    /// <summary>Validates a document given as text.</summary>
    /// <param name="json">The document's JSON text.</param>
    /// <param name="kind">What the document is used as.</param>
    /// <param name="options">Settings; null for <see cref="ValidationOptions.Default"/>.</param>
    public static ValidationReport Validate(string json, PolicyKind kind, ValidationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(json);
        options ??= ValidationOptions.Default;
        var limits = options.ReaderLimits ?? ReaderLimits.Default;
        if (json.Length > limits.MaxBytes)
        {
            // Refuse before transcoding, as the parser does.
            var parsed = PolicyParser.Parse(json, limits);
            return new ValidationReport(kind, null, parsed.Diagnostics);
        }
        return Validate(Encoding.UTF8.GetBytes(json), kind, options);
    }

    /// <summary>Validates a policy that is part of a larger JSON document (an account snapshot, a managed-policy list).</summary>
    /// <remarks>Positions are relative to the element's own text.</remarks>
    public static ValidationReport Validate(JsonElement element, PolicyKind kind, ValidationOptions? options = null)
        => Validate(JsonMarshal.GetRawUtf8Value(element).ToArray(), kind, options); // raw bytes: GetRawText throws on invalid UTF-8

    /// <summary>Validates a document given as UTF-8 (a leading byte-order mark is allowed).</summary>
    public static ValidationReport Validate(ReadOnlyMemory<byte> utf8, PolicyKind kind, ValidationOptions? options = null)
    {
        options ??= ValidationOptions.Default;
        var parsed = PolicyParser.Parse(utf8, options.ReaderLimits);
        if (parsed.Value is null)
        {
            return new ValidationReport(kind, null, parsed.Diagnostics);
        }
        // The parser skipped one byte order mark; skipping it here too, only after parsing, keeps a second one an error.
        utf8 = JsonEncoding.WithoutBom(utf8);
        var context = new ValidationContext(parsed.Value, kind, options, options.Catalog ?? ActionCatalog.Default, utf8);
        foreach (var check in Checks)
        {
            check.Check(context);
        }
        var findings = ImmutableArray.CreateBuilder<Diagnostic>(parsed.Diagnostics.Length + context.Findings.Count);
        findings.AddRange(parsed.Diagnostics);
        findings.AddRange(context.Findings);
        findings.Sort(Diagnostic.ByPosition);
        return new ValidationReport(kind, parsed.Value, findings.DrainToImmutable());
    }
}
