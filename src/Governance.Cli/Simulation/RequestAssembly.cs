using System.Text.Json.Nodes;
using PolicyEngine.Syntax;

namespace Governance.Cli.Simulation;

/// <summary>
/// Builds one request from <c>--cli-input-json</c> or <c>--cli-input-yaml</c> and the options given beside it, as the
/// AWS CLI does: an option given on the command line replaces the member of the same name from the input file.
/// </summary>
internal sealed class RequestAssembly(Stream standardInput)
{
    private readonly JsonObject _request = [];
    private readonly List<string> _errors = [];

    /// <summary>The error lines so far (values that could not be read).</summary>
    public IReadOnlyList<string> Errors => _errors;

    /// <summary>Takes the members of <c>--cli-input-json</c> (JSON text, <c>file://PATH</c>, or <c>-</c>).</summary>
    public void AddJson(string value, string option)
    {
        var text = value.TrimStart().StartsWith('{') || value.TrimStart().StartsWith('[') ? value : Read(value, option);
        if (text is null)
        {
            return;
        }
        if (!JsonTextCheck.TryParse(text, JsonTextRules.Default, out var document, out var problem))
        {
            _errors.Add($"{option}: not valid JSON: {Short(problem)}{FileHint(value)}");
            return;
        }
        using (document)
        {
            AddMembers(JsonNode.Parse(document.RootElement.GetRawText()), option);
        }
    }

    /// <summary>Takes the members of <c>--cli-input-yaml</c> (YAML text, <c>file://PATH</c>, or <c>-</c>).</summary>
    public void AddYaml(string value, string option)
    {
        var text = value.StartsWith("file://", StringComparison.Ordinal) || ParameterValue.IsStandardInput(value) ? Read(value, option) : value;
        if (text is null)
        {
            return;
        }
        var (node, error) = YamlInput.Parse(text);
        if (error is not null)
        {
            _errors.Add($"{option}: not valid YAML: {error}{FileHint(value)}");
            return;
        }
        AddMembers(node, option);
    }

    /// <summary>Sets a string member from an option (the value itself, or a file's contents for <c>file://</c>).</summary>
    public void SetString(string member, string? value, string option)
    {
        if (value is not null && Read(value, option) is { } text)
        {
            _request[member] = text;
        }
    }

    /// <summary>Sets a list-of-strings member from an option's values; a single value that is a JSON list is that list.</summary>
    public void SetStrings(string member, string[]? values, string option)
    {
        if (values is null || values.Length == 0)
        {
            return;
        }
        if (values.Length == 1 && values[0].TrimStart().StartsWith('['))
        {
            if (ParseJson(values[0], option) is JsonArray list)
            {
                _request[member] = list;
            }
            return;
        }
        var array = new JsonArray();
        foreach (var value in values)
        {
            if (Read(value, option) is { } text)
            {
                array.Add(text);
            }
        }
        _request[member] = array;
    }

    /// <summary>Sets ContextEntries from <c>--context-entries</c>: a JSON list, JSON objects, or shorthand structures.</summary>
    public void SetContextEntries(string[]? values, string option)
    {
        if (values is null || values.Length == 0)
        {
            return;
        }
        var entries = new JsonArray();
        foreach (var value in values)
        {
            var text = Read(value, option);
            if (text is null)
            {
                continue;
            }
            var trimmed = text.TrimStart();
            if (trimmed.StartsWith('[') || trimmed.StartsWith('{'))
            {
                switch (ParseJson(text, option))
                {
                    case JsonArray list:
                        foreach (var item in list.ToList())
                        {
                            list.Remove(item);
                            entries.Add(item);
                        }
                        break;
                    case JsonObject entry:
                        entries.Add(entry);
                        break;
                }
                continue;
            }
            var (structure, error) = ShorthandSyntax.Parse(text);
            if (structure is null)
            {
                _errors.Add($"{option}: Error parsing parameter: {error}");
                continue;
            }
            // The shorthand writes a one-value list as a scalar; the model's list member takes it as a list of one.
            if (structure["ContextKeyValues"] is JsonValue single)
            {
                structure["ContextKeyValues"] = new JsonArray(single.DeepClone());
            }
            entries.Add(structure);
        }
        _request["ContextEntries"] = entries;
    }

    /// <summary>The assembled request; its shape is checked by <see cref="RequestShape"/>.</summary>
    public JsonObject Request => _request;

    private void AddMembers(JsonNode? node, string option)
    {
        if (node is not JsonObject members)
        {
            _errors.Add($"{option}: the input must be an object of request members, such as {{\"PolicyInputList\": [...], \"ActionNames\": [...]}}");
            return;
        }
        foreach (var (key, member) in members.ToList())
        {
            members.Remove(key);
            // Options are added after the input file, so they replace its members.
            _request[key] = member;
        }
    }

    /// <summary>The problem with its JSON path cut short: deep nesting makes paths of thousands of characters.</summary>
    private static JsonTextProblem Short(JsonTextProblem problem)
        => problem.Path.Length <= 80 ? problem : problem with { Path = "…" + problem.Path[^79..] };

    /// <summary>As the AWS CLI, a bare path is text, not a file; say how to name the file when one is there.</summary>
    private static string FileHint(string value)
        => !value.StartsWith("file://", StringComparison.Ordinal) && !ParameterValue.IsStandardInput(value) && File.Exists(value)
            ? $" (`{value}` is a file: write `file://{value}` to read it)" : string.Empty;

    private JsonNode? ParseJson(string text, string option)
    {
        if (!JsonTextCheck.TryParse(text, JsonTextRules.Default, out var document, out var problem))
        {
            _errors.Add($"{option}: not valid JSON: {Short(problem)}");
            return null;
        }
        using (document)
        {
            return JsonNode.Parse(document.RootElement.GetRawText());
        }
    }

    private string? Read(string value, string option)
    {
        var (text, error) = ParameterValue.Resolve(value, standardInput, option);
        if (error is not null)
        {
            _errors.AddRange(error.Lines);
        }
        return text;
    }
}
