using System.Collections.Immutable;
using System.Text.Json;
using System.Text.RegularExpressions;
using Governance.Core.Identity;
using PolicyEngine.Catalog;
using PolicyEngine.Model;
using PolicyEngine.Syntax;

namespace Governance.Core.Policies.PermissionSets;

/// <summary>Reads and validates <c>policies/permission-sets/*.json</c>; nothing throws for bad input.</summary>
public static partial class PermissionSetLoader
{
    private static readonly string[] Fields =
        ["name", "description", "statements", "allowedResources", "maxDurationHours", "approvalsRequired", "requesterRoles"];

    private static readonly string[] StatementFields = ["sid", "actions", "resources"];

    /// <summary>A key given twice is refused: which of the two a reviewer approved cannot be told.</summary>
    private static readonly JsonTextRules Rules = new(MaxDepth: 32, AllowComments: true, RefuseDuplicateKeys: true);

    /// <summary>The longest grant any set may allow: a week.</summary>
    public const int MaxDurationHoursLimit = 168;

    /// <summary>Reads every <c>*.json</c> file in <paramref name="directory"/>.</summary>
    public static PermissionSetLoadResult LoadDirectory(string directory, ActionCatalog? catalog = null)
    {
        ArgumentNullException.ThrowIfNull(directory);
        if (!Directory.Exists(directory))
        {
            return new PermissionSetLoadResult(new PermissionSetCatalog([]), [new PolicyFileError(directory, string.Empty, "folder does not exist")]);
        }
        var errors = new List<PolicyFileError>();
        var sets = new List<PermissionSet>();
        foreach (var path in Directory.EnumerateFiles(directory, "*.json").Order(StringComparer.Ordinal))
        {
            if (!PolicyFileText.TryRead(path, Path.GetFileName(path), out var text, out var unreadable))
            {
                errors.Add(unreadable);
                continue;
            }
            var set = Read(Path.GetFileName(path), text, catalog ?? ActionCatalog.Default, errors);
            if (set is not null)
            {
                if (sets.Exists(s => s.Name == set.Name))
                {
                    errors.Add(new PolicyFileError(Path.GetFileName(path), "name", $"permission set `{set.Name}` is defined twice"));
                }
                else
                {
                    sets.Add(set);
                }
            }
        }
        return new PermissionSetLoadResult(new PermissionSetCatalog(sets), [.. errors]);
    }

    /// <summary>Reads one file's text; returns null and adds to <paramref name="errors"/> when it is invalid.</summary>
    public static PermissionSet? Read(string file, string json, ActionCatalog catalog, List<PolicyFileError> errors)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(errors);
        var before = errors.Count;
        if (!JsonTextCheck.TryParse(json, Rules, out var document, out var problem))
        {
            errors.Add(PolicyFileError.Unreadable(file, problem));
            return null;
        }
        using (document)
        {
            var root = document.RootElement;
            var f = new JsonFields(file, errors);
            if (root.ValueKind != JsonValueKind.Object)
            {
                f.Error(string.Empty, "a permission set is a JSON object");
                return null;
            }
            f.RefuseUnknown(root, string.Empty, Fields);
            var name = f.String(root, "name", string.Empty);
            if (name is not null && !NamePattern().IsMatch(name))
            {
                f.Error("name", $"`{name}` is not a valid name; use lower-case letters, digits and hyphens");
            }
            else if (name is not null && !string.Equals(Path.GetFileNameWithoutExtension(file), name, StringComparison.Ordinal))
            {
                f.Error("name", $"`{name}` must match the file name `{Path.GetFileNameWithoutExtension(file)}`");
            }
            var description = f.String(root, "description", string.Empty);
            var statements = Statements(root, f, catalog);
            var allowed = f.Strings(root, "allowedResources", string.Empty);
            var patterns = ImmutableArray.CreateBuilder<ResourcePattern>();
            for (var i = 0; i < allowed.Length; i++)
            {
                if (!Arn.TryParse(allowed[i], out _))
                {
                    f.Error($"allowedResources[{i}]", $"`{allowed[i]}` is not an ARN pattern");
                }
                else if (allowed[i] is "arn:*" or "*")
                {
                    f.Error($"allowedResources[{i}]", "a pattern that allows every resource defeats the purpose of a permission set");
                }
                else
                {
                    patterns.Add(new ResourcePattern(allowed[i]));
                }
            }
            var maxHours = f.Int(root, "maxDurationHours", string.Empty, 1, MaxDurationHoursLimit);
            var approvals = f.Int(root, "approvalsRequired", string.Empty, 1, 5);
            var roles = f.Strings(root, "requesterRoles", string.Empty);
            for (var i = 0; i < roles.Length; i++)
            {
                if (!Roles.All.Contains(roles[i]))
                {
                    f.Error($"requesterRoles[{i}]", $"unknown role `{roles[i]}`; expected one of {string.Join(", ", Roles.All.Select(static r => $"`{r}`"))}");
                }
            }
            if (errors.Count > before)
            {
                return null;
            }
            return new PermissionSet(name!, description!, statements, patterns.ToImmutable(), maxHours!.Value, approvals!.Value, roles);
        }
    }

    private static ImmutableArray<PermissionSetStatement> Statements(JsonElement root, JsonFields f, ActionCatalog catalog)
    {
        if (!root.TryGetProperty("statements", out var list) || list.ValueKind != JsonValueKind.Array || list.GetArrayLength() == 0)
        {
            f.Error("statements", "expected a non-empty array of statements");
            return [];
        }
        var result = ImmutableArray.CreateBuilder<PermissionSetStatement>();
        var index = 0;
        foreach (var element in list.EnumerateArray())
        {
            var path = $"statements[{index++}]";
            if (element.ValueKind != JsonValueKind.Object)
            {
                f.Error(path, "a statement is a JSON object");
                continue;
            }
            f.RefuseUnknown(element, path, StatementFields);
            var sid = f.String(element, "sid", path, required: false);
            if (sid is not null && !SidPattern().IsMatch(sid))
            {
                f.Error($"{path}.sid", $"`{sid}` is not a valid Sid; IAM allows letters and digits only");
            }
            var actions = f.Strings(element, "actions", path);
            for (var i = 0; i < actions.Length; i++)
            {
                if (actions[i] == "*" || actions[i].EndsWith(":*", StringComparison.Ordinal))
                {
                    f.Error($"{path}.actions[{i}]", $"`{actions[i]}` grants every action of a service; name the actions");
                }
                else if (catalog.Expand(actions[i]).IsEmpty)
                {
                    var suggestions = catalog.Suggest(actions[i]);
                    f.Error($"{path}.actions[{i}]", $"unknown action `{actions[i]}`"
                        + (suggestions.Count > 0 ? $"; did you mean {string.Join(" or ", suggestions.Select(static s => $"`{s}`"))}?" : string.Empty));
                }
            }
            var resources = f.Strings(element, "resources", path);
            for (var i = 0; i < resources.Length; i++)
            {
                var r = resources[i];
                if (r.Contains("{{", StringComparison.Ordinal) && !ResourcePlaceholders.All.Contains(r))
                {
                    f.Error($"{path}.resources[{i}]", $"unknown placeholder `{r}`; expected one of {string.Join(", ", ResourcePlaceholders.All.Select(static p => $"`{p}`"))}");
                }
                else if (!r.Contains("{{", StringComparison.Ordinal) && r != "*" && !r.StartsWith("arn:", StringComparison.Ordinal))
                {
                    f.Error($"{path}.resources[{i}]", $"`{r}` is neither a placeholder nor an ARN");
                }
            }
            result.Add(new PermissionSetStatement(sid, actions, resources));
        }
        return result.ToImmutable();
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex NamePattern();

    [GeneratedRegex("^[A-Za-z0-9]+$", RegexOptions.CultureInvariant)]
    private static partial Regex SidPattern();
}
