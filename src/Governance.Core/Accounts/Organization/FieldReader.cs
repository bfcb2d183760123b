using System.Text.Json;
using PolicyEngine.Diagnostics;
using PolicyEngine.Parsing;

namespace Governance.Core.Accounts.Organization;

/// <summary>
/// Reads the fields of a checked JSON document, reporting each problem with its path to the file's log instead of
/// throwing. Keys the AWS CLI prints that the snapshot does not use are ignored.
/// </summary>
internal sealed class FieldReader(FileLog log, OrganizationReadLimits limits)
{
    /// <summary>The file's log.</summary>
    public FileLog Log => log;

    /// <summary>The read's bounds.</summary>
    public OrganizationReadLimits Limits => limits;

    /// <summary>A string field; null (with an error when <paramref name="required"/>) when missing, null or of another type.</summary>
    public string? String(JsonElement parent, string name, string parentPath, bool required)
    {
        var path = JsonFile.Join(parentPath, name);
        if (!parent.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            if (required)
            {
                log.Error(path, "required field is missing");
            }
            return null;
        }
        if (value.ValueKind != JsonValueKind.String)
        {
            log.Error(path, $"expected a string, found {JsonKinds.Describe(value)}");
            return null;
        }
        var text = value.GetString()!;
        if (text.Length > limits.MaxNameCharacters)
        {
            log.Error(path, $"the value is {text.Length} characters long; at most {limits.MaxNameCharacters} are read");
            return null;
        }
        if (required && text.Length == 0)
        {
            log.Error(path, "must not be empty");
            return null;
        }
        return text;
    }

    /// <summary>A 12-digit account id field.</summary>
    public string? AccountId(JsonElement parent, string name, string parentPath)
    {
        var id = String(parent, name, parentPath, required: true);
        if (id is not null && !IsAccountId(id))
        {
            log.Error(JsonFile.Join(parentPath, name), $"`{id}` is not an account id: expected 12 digits");
            return null;
        }
        return id;
    }

    /// <summary>A boolean field; false when missing or null.</summary>
    public bool Bool(JsonElement parent, string name, string parentPath)
    {
        if (!parent.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return false;
        }
        if (value.ValueKind is JsonValueKind.True or JsonValueKind.False)
        {
            return value.ValueKind == JsonValueKind.True;
        }
        log.Error(JsonFile.Join(parentPath, name), $"expected true or false, found {JsonKinds.Describe(value)}");
        return false;
    }

    /// <summary>An object field; null (with an error when <paramref name="required"/>) when missing, null or of another type.</summary>
    public JsonElement? Object(JsonElement parent, string name, string parentPath, bool required)
    {
        var path = JsonFile.Join(parentPath, name);
        if (!parent.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            if (required)
            {
                log.Error(path, "required field is missing");
            }
            return null;
        }
        if (value.ValueKind != JsonValueKind.Object)
        {
            log.Error(path, $"expected an object, found {JsonKinds.Describe(value)}");
            return null;
        }
        return value;
    }

    /// <summary>
    /// The objects of an array field with their paths; none when missing or null (an error when
    /// <paramref name="required"/>), of another type, or longer than <paramref name="max"/>. Items that are not
    /// objects are reported and skipped.
    /// </summary>
    public List<(JsonElement Item, string Path)> Objects(JsonElement parent, string name, string parentPath, bool required, int max)
    {
        var path = JsonFile.Join(parentPath, name);
        var items = new List<(JsonElement, string)>();
        if (!parent.TryGetProperty(name, out var list) || list.ValueKind == JsonValueKind.Null)
        {
            if (required)
            {
                log.Error(path, "required field is missing");
            }
            return items;
        }
        if (list.ValueKind != JsonValueKind.Array)
        {
            log.Error(path, $"expected an array, found {JsonKinds.Describe(list)}");
            return items;
        }
        var count = list.GetArrayLength();
        if (count > max)
        {
            log.Error(path, $"{count} items; at most {max} are read");
            return items;
        }
        var index = 0;
        foreach (var item in list.EnumerateArray())
        {
            var itemPath = $"{path}[{index++}]";
            if (item.ValueKind != JsonValueKind.Object)
            {
                log.Error(itemPath, $"expected an object, found {JsonKinds.Describe(item)}");
                continue;
            }
            items.Add((item, itemPath));
        }
        return items;
    }

    /// <summary>
    /// A policy document field: the JSON string AWS prints (or the document itself as an object). A document that
    /// does not parse as a policy is a warning, and kept, marked with its problem; null when missing or null (an error
    /// when <paramref name="required"/>).
    /// </summary>
    public PolicyText? Policy(JsonElement parent, string name, string parentPath, bool required)
    {
        var path = JsonFile.Join(parentPath, name);
        if (!parent.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            if (required)
            {
                log.Error(path, "required field is missing");
            }
            return null;
        }
        string text;
        switch (value.ValueKind)
        {
            case JsonValueKind.String:
                text = value.GetString()!;
                break;
            case JsonValueKind.Object:
                text = value.GetRawText();
                break;
            default:
                log.Error(path, $"expected a policy document (a JSON string, or an object), found {JsonKinds.Describe(value)}");
                return null;
        }
        if (text.Length > limits.MaxPolicyCharacters)
        {
            log.Error(path, $"the policy document is {text.Length} characters long; at most {limits.MaxPolicyCharacters} are read");
            return null;
        }
        var parsed = PolicyParser.Parse(text);
        if (parsed.Success)
        {
            return new PolicyText(text);
        }
        var problem = parsed.Diagnostics.FirstOrDefault(static d => d.Severity == Severity.Error) is { } first
            ? $"line {first.Location.Line}, column {first.Location.Column}: {first.Message}"
            : "the text is not a policy document";
        log.Warning(path, $"the policy document does not parse ({problem}); it is kept, and answers that depend on it say so");
        return new PolicyText(text, problem);
    }

    /// <summary>True for a 12-digit AWS account id.</summary>
    public static bool IsAccountId(string id) => id.Length == 12 && id.All(char.IsAsciiDigit);

}
