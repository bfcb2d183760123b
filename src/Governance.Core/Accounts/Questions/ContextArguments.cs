using System.Collections.Immutable;
using PolicyEngine.Evaluation;

namespace Governance.Core.Accounts.Questions;

/// <summary>
/// Reads <c>KEY=VALUE</c> arguments (the CLI's <c>--context</c>, the API's <c>context</c> query parameter) into
/// condition keys. Repeating a key makes it multi-valued (<c>aws:TagKeys=team</c>, <c>aws:TagKeys=env</c>), as does a
/// comma list in brackets (<c>KEY=[a,b]</c>). The one reader of these arguments: it gives the engine's
/// <see cref="RequestContext"/>, which the question carries unchanged.
/// </summary>
public static class ContextArguments
{
    /// <summary>The most arguments one question takes, and the most values one key gets; a request to AWS carries a few dozen keys at most.</summary>
    public const int MaxArguments = 100;

    /// <summary>
    /// The longest argument: a key and a value that may be an ARN (<c>aws:SourceArn</c>) or a bracketed list of short
    /// values. Twice an ARN, so that no text a question carries is longer than the wildcard matcher's bit-parallel search.
    /// </summary>
    public const int MaxArgumentLength = 2 * ArnText.MaxLength;

    /// <summary>Parses <paramref name="arguments"/>; each error names the argument as given, in backticks.</summary>
    public static (RequestContext Context, IReadOnlyList<string> Errors) Parse(IEnumerable<string> arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var values = new Dictionary<string, List<string>>(StringComparer.OrdinalIgnoreCase);
        var order = new List<string>();
        var errors = new List<string>();
        var count = 0;
        foreach (var argument in arguments)
        {
            if (++count > MaxArguments)
            {
                errors.Add($"more than {MaxArguments} context arguments");
                break;
            }
            if (argument.Length > MaxArgumentLength || argument.Any(char.IsControl))
            {
                errors.Add($"an argument of {argument.Length} characters; each is at most {MaxArgumentLength}, without control characters");
                continue;
            }
            var equals = argument.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                errors.Add($"`{argument}`: expected KEY=VALUE, such as aws:SourceIp=203.0.113.7");
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
            if (list.Count > MaxArguments)
            {
                errors.Add($"`{key}`: more than {MaxArguments} values");
                break;
            }
        }
        return (RequestContext.Create(order.Select(k => KeyValuePair.Create(k, values[k].ToImmutableArray()))), errors);
    }
}
