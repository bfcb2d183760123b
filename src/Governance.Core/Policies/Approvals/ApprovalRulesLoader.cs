using System.Collections.Immutable;
using System.Text.Json;
using Governance.Core.Policies.PermissionSets;
using Governance.Core.Risk;
using PolicyEngine.Catalog;
using PolicyEngine.Syntax;

namespace Governance.Core.Policies.Approvals;

/// <summary>Reads and validates <c>policies/approval-rules.json</c>; nothing throws for bad input.</summary>
public static class ApprovalRulesLoader
{
    private static readonly string[] Fields = ["autoApprove", "accessLevels", "findings", "outsiders", "services", "anyone"];
    private static readonly string[] AutoFields = ["permissionSets", "accessLevels"];
    private static readonly string[] LevelFields = ["approvalsRequired"];
    private static readonly string[] FindingFields = ["minimumSeverity", "outcome", "approvalsRequired"];
    private static readonly string[] GainerFields = ["outcome", "approvalsRequired"];

    /// <summary>Reads the rules from a file, checking that the sets it names exist in <paramref name="sets"/>.</summary>
    public static (ApprovalRules? Rules, ImmutableArray<PolicyFileError> Errors) LoadFile(string path, PermissionSetCatalog sets)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            return (null, [new PolicyFileError(path, string.Empty, "file does not exist")]);
        }
        return PolicyFileText.TryRead(path, Path.GetFileName(path), out var text, out var unreadable)
            ? Read(Path.GetFileName(path), text, sets)
            : (null, [unreadable]);
    }

    /// <summary>Reads the rules from JSON text.</summary>
    public static (ApprovalRules? Rules, ImmutableArray<PolicyFileError> Errors) Read(string file, string json, PermissionSetCatalog sets)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(sets);
        var errors = new List<PolicyFileError>();
        var f = new JsonFields(file, errors);
        // A key given twice is refused: which of the two rules was approved cannot be told.
        if (!JsonTextCheck.TryParse(json, new JsonTextRules(MaxDepth: 16, AllowComments: true, RefuseDuplicateKeys: true), out var document, out var problem))
        {
            return (null, [PolicyFileError.Unreadable(file, problem)]);
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return (null, [new PolicyFileError(file, string.Empty, "approval rules are a JSON object")]);
            }
            f.RefuseUnknown(root, string.Empty, Fields);
            var autoSets = ImmutableHashSet<string>.Empty;
            var autoLevels = ImmutableHashSet<AccessLevel>.Empty;
            if (root.TryGetProperty("autoApprove", out var auto) && auto.ValueKind == JsonValueKind.Object)
            {
                f.RefuseUnknown(auto, "autoApprove", AutoFields);
                var names = f.Strings(auto, "permissionSets", "autoApprove");
                for (var i = 0; i < names.Length; i++)
                {
                    if (sets.Find(names[i]) is null)
                    {
                        f.Error($"autoApprove.permissionSets[{i}]", $"unknown permission set `{names[i]}`");
                    }
                }
                autoSets = [.. names];
                var levels = f.Strings(auto, "accessLevels", "autoApprove");
                autoLevels = [.. levels.Select((l, i) => Level(l, $"autoApprove.accessLevels[{i}]", f)).OfType<AccessLevel>()];
            }
            else if (root.TryGetProperty("autoApprove", out _))
            {
                f.Error("autoApprove", "expected an object with `permissionSets` and `accessLevels`");
            }
            var levelApprovals = ImmutableDictionary.CreateBuilder<AccessLevel, int>();
            if (root.TryGetProperty("accessLevels", out var levelRules) && levelRules.ValueKind == JsonValueKind.Object)
            {
                foreach (var property in levelRules.EnumerateObject())
                {
                    var path = $"accessLevels.{property.Name}";
                    if (Level(property.Name, path, f) is not { } level)
                    {
                        continue;
                    }
                    if (property.Value.ValueKind != JsonValueKind.Object)
                    {
                        f.Error(path, "expected an object with `approvalsRequired`");
                        continue;
                    }
                    f.RefuseUnknown(property.Value, path, LevelFields);
                    if (f.Int(property.Value, "approvalsRequired", path, 1, 5) is { } n)
                    {
                        levelApprovals[level] = n;
                    }
                }
            }
            var findingRules = ImmutableArray.CreateBuilder<FindingRule>();
            if (root.TryGetProperty("findings", out var findings) && findings.ValueKind == JsonValueKind.Array)
            {
                var i = 0;
                foreach (var rule in findings.EnumerateArray())
                {
                    var path = $"findings[{i++}]";
                    if (rule.ValueKind != JsonValueKind.Object)
                    {
                        f.Error(path, "a finding rule is a JSON object");
                        continue;
                    }
                    f.RefuseUnknown(rule, path, FindingFields);
                    var severityText = f.String(rule, "minimumSeverity", path);
                    RiskSeverity? severity = Enum.TryParse<RiskSeverity>(severityText, ignoreCase: false, out var s) && Enum.IsDefined(s) ? s : null;
                    if (severityText is not null && severity is null)
                    {
                        f.Error($"{path}.minimumSeverity", $"unknown severity `{severityText}`; expected one of {string.Join(", ", Enum.GetNames<RiskSeverity>().Select(static n => $"`{n}`"))}");
                    }
                    var outcome = Outcome(rule, path, f);
                    var approvals = outcome == FindingOutcome.RequireApprovals ? f.Int(rule, "approvalsRequired", path, 2, 5) : 0;
                    if (severity is { } sv && outcome is { } o && approvals is { } a)
                    {
                        findingRules.Add(new FindingRule(sv, o, a));
                    }
                }
            }
            else if (root.TryGetProperty("findings", out _))
            {
                f.Error("findings", "expected an array of finding rules");
            }
            var outsiders = Gainer(root, "outsiders", f);
            var services = Gainer(root, "services", f);
            var anyone = Gainer(root, "anyone", f);
            return errors.Count > 0
                ? (null, [.. errors])
                : (new ApprovalRules(autoSets, autoLevels, levelApprovals.ToImmutable(), findingRules.ToImmutable(), outsiders, services, anyone), []);
        }
    }

    /// <summary>The rule named <paramref name="name"/> on who else gains the access, when the file has one.</summary>
    private static GainerRule? Gainer(JsonElement root, string name, JsonFields f)
    {
        if (!root.TryGetProperty(name, out var rule))
        {
            return null;
        }
        if (rule.ValueKind != JsonValueKind.Object)
        {
            f.Error(name, "expected an object with `outcome` and, for `requireApprovals`, `approvalsRequired`");
            return null;
        }
        f.RefuseUnknown(rule, name, GainerFields);
        var outcome = Outcome(rule, name, f);
        var approvals = outcome == FindingOutcome.RequireApprovals ? f.Int(rule, "approvalsRequired", name, 1, 5) : 0;
        return outcome is { } o && approvals is { } a ? new GainerRule(o, a) : null;
    }

    private static FindingOutcome? Outcome(JsonElement rule, string path, JsonFields f)
    {
        var text = f.String(rule, "outcome", path);
        FindingOutcome? outcome = text switch
        {
            "requireApprovals" => FindingOutcome.RequireApprovals,
            "refuse" => FindingOutcome.Refuse,
            _ => null,
        };
        if (text is not null && outcome is null)
        {
            f.Error($"{path}.outcome", $"unknown outcome `{text}`; expected `requireApprovals` or `refuse`");
        }
        return outcome;
    }

    private static AccessLevel? Level(string text, string path, JsonFields f)
    {
        if (Enum.TryParse<AccessLevel>(text, ignoreCase: false, out var level) && Enum.IsDefined(level) && !int.TryParse(text, out _))
        {
            return level;
        }
        f.Error(path, $"unknown access level `{text}`; expected one of {string.Join(", ", Enum.GetNames<AccessLevel>().Select(static n => $"`{n}`"))}");
        return null;
    }
}
