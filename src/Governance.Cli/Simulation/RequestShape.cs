using System.Text.Json;
using System.Text.Json.Nodes;

namespace Governance.Cli.Simulation;

/// <summary>
/// SimulateCustomPolicyRequest as botocore's IAM model writes it (botocore/data/iam/2010-05-08/service-2.json), and the
/// checks botocore's validator makes before any call: unknown and missing members, JSON types, minimum lengths and values.
/// </summary>
/// <remarks>Messages are botocore's (botocore/validate.py), with JSON's type names where it prints Python's.</remarks>
internal abstract record RequestShape
{
    private static readonly RequestShape PolicyDocument = new StringShape(1);

    /// <summary>The request, members in the model's order (the order botocore lists them in its messages).</summary>
    public static RequestShape Request { get; } = new StructureShape(
        [
            ("PolicyInputList", new ListShape(PolicyDocument)),
            ("PermissionsBoundaryPolicyInputList", new ListShape(PolicyDocument)),
            ("OrderedOrganizationPolicyInputList", new ListShape(new StructureShape([("ServiceControlPolicyInputList", new ListShape(PolicyDocument))], []))),
            ("ActionNames", new ListShape(new StringShape(3))),
            ("ResourceArns", new ListShape(new StringShape(1))),
            ("ResourcePolicy", PolicyDocument),
            ("ResourceOwner", new StringShape(1)),
            ("CallerArn", new StringShape(1)),
            ("ContextEntries", new ListShape(new StructureShape(
                [("ContextKeyName", new StringShape(5)), ("ContextKeyValues", new ListShape(new StringShape(0))), ("ContextKeyType", new StringShape(0))], []))),
            ("ResourceHandlingOption", new StringShape(1)),
            ("MaxItems", new IntegerShape(1)),
            ("Marker", new StringShape(1)),
        ],
        ["PolicyInputList", "ActionNames"]);

    /// <summary>Every problem of <paramref name="value"/>, named as botocore names them (<c>input</c>, <c>ContextEntries[0].ContextKeyName</c>).</summary>
    public List<string> Validate(JsonNode? value)
    {
        var problems = new List<string>();
        Check(value, string.Empty, problems);
        return problems;
    }

    private protected abstract void Check(JsonNode? value, string name, List<string> problems);

    private protected static string Display(string name) => name.Length == 0 ? "input" : name;

    private protected static void InvalidType(JsonNode? value, string name, string valid, List<string> problems)
    {
        var text = value?.ToJsonString() ?? "null";
        problems.Add($"Invalid type for parameter {Display(name)}, value: {(text.Length > 80 ? text[..77] + "..." : text)}, type: {Kind(value)}, valid types: {valid}");
    }

    private static string Kind(JsonNode? value) => value?.GetValueKind() switch
    {
        JsonValueKind.Object => "object",
        JsonValueKind.Array => "list",
        JsonValueKind.String => "string",
        JsonValueKind.Number => "number",
        JsonValueKind.True or JsonValueKind.False => "boolean",
        _ => "null",
    };

    private sealed record StructureShape(IReadOnlyList<(string Name, RequestShape Shape)> Members, IReadOnlyList<string> Required) : RequestShape
    {
        private protected override void Check(JsonNode? value, string name, List<string> problems)
        {
            if (value is not JsonObject obj)
            {
                InvalidType(value, name, "object", problems);
                return;
            }
            foreach (var required in Required)
            {
                if (!obj.ContainsKey(required))
                {
                    problems.Add($"Missing required parameter in {Display(name)}: \"{required}\"");
                }
            }
            foreach (var (key, member) in obj)
            {
                var shape = Members.FirstOrDefault(m => m.Name == key).Shape;
                if (shape is null)
                {
                    problems.Add($"Unknown parameter in {Display(name)}: \"{key}\", must be one of: {string.Join(", ", Members.Select(static m => m.Name))}");
                    continue;
                }
                shape.Check(member, name.Length == 0 ? key : $"{name}.{key}", problems);
            }
        }
    }

    private sealed record ListShape(RequestShape Member) : RequestShape
    {
        private protected override void Check(JsonNode? value, string name, List<string> problems)
        {
            if (value is not JsonArray array)
            {
                InvalidType(value, name, "list", problems);
                return;
            }
            for (var i = 0; i < array.Count; i++)
            {
                Member.Check(array[i], $"{name}[{i}]", problems);
            }
        }
    }

    private sealed record StringShape(int MinLength) : RequestShape
    {
        private protected override void Check(JsonNode? value, string name, List<string> problems)
        {
            if (value is not JsonValue scalar || scalar.GetValueKind() != JsonValueKind.String)
            {
                InvalidType(value, name, "string", problems);
                return;
            }
            var text = scalar.GetValue<string>();
            if (text.Length < MinLength)
            {
                problems.Add($"Invalid length for parameter {Display(name)}, value: {text.Length}, valid min length: {MinLength}");
            }
        }
    }

    private sealed record IntegerShape(int Min) : RequestShape
    {
        private protected override void Check(JsonNode? value, string name, List<string> problems)
        {
            if (IntegerOf(value) is not { } number)
            {
                InvalidType(value, name, "integer", problems);
            }
            else if (number < Min)
            {
                problems.Add($"Invalid value for parameter {Display(name)}, value: {number}, valid min value: {Min}");
            }
        }
    }

    /// <summary>The integer <paramref name="value"/> holds, whether it came from JSON or from YAML; null for anything else.</summary>
    public static long? IntegerOf(JsonNode? value)
        => value is JsonValue scalar && scalar.GetValueKind() == JsonValueKind.Number
            && long.TryParse(scalar.ToJsonString(), System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var number)
            ? number : null;
}
