using System.Collections.Immutable;

namespace Governance.Cli.Inputs;

/// <summary>
/// Reads <c>--context KEY=VALUE</c> options into condition keys. Repeating a key makes it multi-valued
/// (<c>--context aws:TagKeys=team --context aws:TagKeys=env</c>), as does a comma list in brackets (<c>KEY=[a,b]</c>).
/// </summary>
internal static class ContextArguments
{
    public static (ImmutableArray<KeyValuePair<string, ImmutableArray<string>>> Entries, IReadOnlyList<InputError> Errors) Parse(IEnumerable<string> arguments)
    {
        var values = new Dictionary<string, List<string>>(StringComparer.OrdinalIgnoreCase);
        var order = new List<string>();
        var errors = new List<InputError>();
        foreach (var argument in arguments)
        {
            var equals = argument.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                errors.Add(new InputError($"--context `{argument}`: expected KEY=VALUE, such as aws:SourceIp=203.0.113.7"));
                continue;
            }
            var key = argument[..equals].Trim();
            var value = argument[(equals + 1)..];
            if (!values.TryGetValue(key, out var list))
            {
                values[key] = list = [];
                order.Add(key);
            }
            if (value.StartsWith('[') && value.EndsWith(']'))
            {
                list.AddRange(value[1..^1].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));
            }
            else
            {
                list.Add(value);
            }
        }
        return ([.. order.Select(k => KeyValuePair.Create(k, values[k].ToImmutableArray()))], errors);
    }
}
