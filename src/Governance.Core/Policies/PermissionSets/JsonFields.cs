using System.Collections.Immutable;
using System.Text.Json;

namespace Governance.Core.Policies.PermissionSets;

/// <summary>Reads typed fields from a policies file, collecting every problem with its JSON path.</summary>
internal sealed class JsonFields(string file, List<PolicyFileError> errors)
{
    public void Error(string path, string message) => errors.Add(new PolicyFileError(file, path, message));

    public void RefuseUnknown(JsonElement obj, string path, IReadOnlyCollection<string> known)
    {
        foreach (var property in obj.EnumerateObject())
        {
            if (!known.Contains(property.Name))
            {
                Error(Join(path, property.Name), $"unknown field `{property.Name}`; expected one of {string.Join(", ", known.Select(static k => $"`{k}`"))}");
            }
        }
    }

    public string? String(JsonElement obj, string name, string path, bool required = true)
    {
        if (!obj.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            if (required)
            {
                Error(Join(path, name), "required field is missing");
            }
            return null;
        }
        if (value.ValueKind != JsonValueKind.String || value.GetString()!.Trim().Length == 0)
        {
            Error(Join(path, name), "expected a non-empty string");
            return null;
        }
        return value.GetString()!.Trim();
    }

    public int? Int(JsonElement obj, string name, string path, int min, int max, bool required = true)
    {
        if (!obj.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            if (required)
            {
                Error(Join(path, name), "required field is missing");
            }
            return null;
        }
        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt32(out var n) || n < min || n > max)
        {
            Error(Join(path, name), $"expected a whole number from {min} to {max}");
            return null;
        }
        return n;
    }

    public ImmutableArray<string> Strings(JsonElement obj, string name, string path, bool required = true)
    {
        if (!obj.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            if (required)
            {
                Error(Join(path, name), "required field is missing");
            }
            return [];
        }
        if (value.ValueKind != JsonValueKind.Array || value.GetArrayLength() == 0)
        {
            Error(Join(path, name), "expected a non-empty array of strings");
            return [];
        }
        var result = ImmutableArray.CreateBuilder<string>();
        var i = 0;
        foreach (var item in value.EnumerateArray())
        {
            if (item.ValueKind == JsonValueKind.String && item.GetString()!.Trim().Length > 0)
            {
                result.Add(item.GetString()!.Trim());
            }
            else
            {
                Error($"{Join(path, name)}[{i}]", "expected a non-empty string");
            }
            i++;
        }
        return result.ToImmutable();
    }

    public static string Join(string parent, string name) => parent.Length == 0 ? name : $"{parent}.{name}";
}
