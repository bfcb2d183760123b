using System.Collections.Immutable;
using System.Text.Json;
using Governance.Core.Accounts.Organization;
using Governance.Core.Policies.PermissionSets;
using PolicyEngine.Diagnostics;
using PolicyEngine.Evaluation;
using PolicyEngine.Syntax;

namespace Governance.Core.Drift.Guardrails;

/// <summary>Reads <c>policies/guardrails/</c>: <c>scp/*.json</c>, <c>rcp/*.json</c> and the optional <c>attachments.json</c>; nothing throws for bad input.</summary>
/// <remarks>
/// <c>attachments.json</c> maps each type to policy name → targets:
/// <c>{"scp": {"region-lock": ["root"], "DataAllowList": ["ou:Data"]}, "rcp": {"DenyOutsidePrincipals": ["root"]}}</c>.
/// A name there needs a file of its own, except AWS's <c>FullAWSAccess</c>, whose content AWS owns.
/// </remarks>
public static class GuardrailDefinitionLoader
{
    /// <summary>The attachment manifest's file name.</summary>
    public const string AttachmentsFileName = "attachments.json";

    /// <summary>AWS-managed SCPs code may attach without holding their document.</summary>
    private static readonly string[] AwsManagedScps = ["FullAWSAccess"];

    /// <summary>A key given twice is refused: which of two attachments was meant cannot be told.</summary>
    private static readonly JsonTextRules Rules = new(MaxDepth: 64, AllowComments: true, RefuseDuplicateKeys: true);

    /// <summary>Reads the guardrails folder; a missing folder holds no guardrails.</summary>
    public static (ImmutableArray<GuardrailDefinition> Guardrails, ImmutableArray<PolicyFileError> Errors) LoadDirectory(string directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        var errors = new List<PolicyFileError>();
        var documents = new List<(OrganizationPolicyType Type, string Name, string Document)>();
        foreach (var type in Enum.GetValues<OrganizationPolicyType>())
        {
            var folder = Path.Combine(directory, GuardrailKeys.Folder(type));
            if (!Directory.Exists(folder))
            {
                continue;
            }
            foreach (var path in Directory.EnumerateFiles(folder, "*.json").Order(StringComparer.Ordinal))
            {
                var file = $"{GuardrailKeys.Folder(type)}/{Path.GetFileName(path)}";
                if (!PolicyFileText.TryRead(path, file, out var text, out var unreadable))
                {
                    errors.Add(unreadable);
                    continue;
                }
                if (ReadDocument(file, text, type, errors))
                {
                    documents.Add((type, Path.GetFileNameWithoutExtension(path), text));
                }
            }
        }
        var manifest = Path.Combine(directory, AttachmentsFileName);
        var targets = new Dictionary<(OrganizationPolicyType, string), ImmutableArray<GuardrailTarget>>();
        if (File.Exists(manifest))
        {
            if (PolicyFileText.TryRead(manifest, AttachmentsFileName, out var text, out var unreadable))
            {
                targets = ReadAttachments(text, errors);
            }
            else
            {
                errors.Add(unreadable);
            }
        }
        var guardrails = documents
            .Select(d => new GuardrailDefinition(d.Name, d.Type, d.Document, targets.TryGetValue((d.Type, d.Name), out var t) ? t : null))
            .ToList();
        foreach (var ((type, name), attached) in targets.OrderBy(static t => t.Key.Item2, StringComparer.Ordinal))
        {
            if (documents.Any(d => d.Type == type && d.Name == name))
            {
                continue;
            }
            if (type == OrganizationPolicyType.ServiceControlPolicy && AwsManagedScps.Contains(name, StringComparer.Ordinal))
            {
                guardrails.Add(new GuardrailDefinition(name, type, null, attached));
            }
            else
            {
                errors.Add(new PolicyFileError(AttachmentsFileName, $"{GuardrailKeys.Folder(type)}.{name}",
                    $"`{name}` has no file `{GuardrailKeys.Of(type, name)}.json`"));
            }
        }
        return errors.Count > 0 ? ([], [.. errors]) : ([.. guardrails], []);
    }

    /// <summary>A document the engine cannot read would make every comparison with it meaningless: refuse it here.</summary>
    private static bool ReadDocument(string file, string text, OrganizationPolicyType type, List<PolicyFileError> errors)
    {
        var parsed = NamedPolicy.Parse(file, text);
        var problems = parsed.Diagnostics.Where(static d => d.Severity == Severity.Error).ToList();
        errors.AddRange(problems.Select(d => new PolicyFileError(file, d.Location.Path, $"{d.Code} {d.Message}")));
        if (parsed.Document is null && problems.Count == 0)
        {
            errors.Add(new PolicyFileError(file, string.Empty, "not a policy document"));
            return false;
        }
        if (type == OrganizationPolicyType.ResourceControlPolicy && parsed.Document is { } document
            && document.Statements.Any(static s => s.Effect == PolicyEngine.Model.Effect.Allow))
        {
            // AWS accepts Allow only in its own RCPFullAWSAccess; an Allow here could never be attached.
            errors.Add(new PolicyFileError(file, string.Empty, "an RCP may only deny: AWS refuses `Allow` statements in RCPs"));
            return false;
        }
        return problems.Count == 0;
    }

    private static Dictionary<(OrganizationPolicyType, string), ImmutableArray<GuardrailTarget>> ReadAttachments(string json, List<PolicyFileError> errors)
    {
        var result = new Dictionary<(OrganizationPolicyType, string), ImmutableArray<GuardrailTarget>>();
        if (!JsonTextCheck.TryParse(json, Rules, out var document, out var problem))
        {
            errors.Add(PolicyFileError.Unreadable(AttachmentsFileName, problem));
            return result;
        }
        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                errors.Add(new PolicyFileError(AttachmentsFileName, string.Empty, "the attachments are a JSON object with `scp` and `rcp`"));
                return result;
            }
            foreach (var section in document.RootElement.EnumerateObject())
            {
                OrganizationPolicyType? type = section.Name switch
                {
                    "scp" => OrganizationPolicyType.ServiceControlPolicy,
                    "rcp" => OrganizationPolicyType.ResourceControlPolicy,
                    _ => null,
                };
                if (type is null || section.Value.ValueKind != JsonValueKind.Object)
                {
                    errors.Add(new PolicyFileError(AttachmentsFileName, section.Name, type is null
                        ? $"unknown field `{section.Name}`; the fields are `scp`, `rcp`"
                        : $"`{section.Name}` maps policy names to lists of targets"));
                    continue;
                }
                foreach (var policy in section.Value.EnumerateObject())
                {
                    if (ReadTargets(policy, $"{section.Name}.{policy.Name}", errors) is { } targets)
                    {
                        result[(type.Value, policy.Name)] = targets;
                    }
                }
            }
        }
        return result;
    }

    private static ImmutableArray<GuardrailTarget>? ReadTargets(JsonProperty policy, string path, List<PolicyFileError> errors)
    {
        if (policy.Value.ValueKind != JsonValueKind.Array || policy.Value.EnumerateArray().Any(static v => v.ValueKind != JsonValueKind.String))
        {
            errors.Add(new PolicyFileError(AttachmentsFileName, path, "targets are a list of strings: `root`, `ou:PATH`, an OU or root id, or an account id"));
            return null;
        }
        var targets = ImmutableArray.CreateBuilder<GuardrailTarget>();
        var index = 0;
        foreach (var value in policy.Value.EnumerateArray().Select(static v => v.GetString()!))
        {
            if (GuardrailTarget.TryParse(value, out var target))
            {
                targets.Add(target);
            }
            else
            {
                errors.Add(new PolicyFileError(AttachmentsFileName, $"{path}[{index}]",
                    $"`{value}` is not a target: write `root`, `ou:Data/Producers` (OU names from the root), an OU or root id, or a 12-digit account id"));
            }
            index++;
        }
        return targets.ToImmutable();
    }
}
