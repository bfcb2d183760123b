using System.Collections.Immutable;
using PolicyEngine.Evaluation.Conditions;

namespace Governance.Cli.Simulation;

/// <summary>
/// ContextKeyType (botocore's ContextKeyTypeEnum): each value is checked against its type and written as the condition
/// operators read it, so a value AWS refuses is refused here rather than silently never matching.
/// </summary>
internal static class ContextKeyTypes
{
    /// <summary>The twelve types, in the model's order.</summary>
    public static ImmutableArray<string> Names { get; } =
        ["string", "stringList", "numeric", "numericList", "boolean", "booleanList", "ip", "ipList", "binary", "binaryList", "date", "dateList"];

    /// <summary>The values of <paramref name="entry"/> as the engine reads them, or why AWS would refuse them.</summary>
    public static (ImmutableArray<string> Values, string? Error) Convert(ContextEntryInput entry)
    {
        var name = entry.Name ?? string.Empty;
        var type = entry.Type ?? "string";
        if (!Names.Contains(type))
        {
            return ([], $"`{type}` is not a ContextKeyType for `{name}`; use one of {string.Join(", ", Names)}");
        }
        var values = entry.Values ?? [];
        var isList = type.EndsWith("List", StringComparison.Ordinal);
        if (!isList && values.Length > 1)
        {
            return ([], $"context key `{name}` is of type `{type}` and takes one value; {values.Length} were given (use `{type}List`)");
        }
        var single = isList ? type[..^"List".Length] : type;
        var converted = ImmutableArray.CreateBuilder<string>(values.Length);
        foreach (var value in values)
        {
            var normalized = Normalize(single, value.Trim());
            if (normalized is null)
            {
                return ([], $"context key `{name}`: `{value}` is not a {Describe(single)}");
            }
            converted.Add(normalized);
        }
        return (converted.MoveToImmutable(), null);
    }

    // The engine's own grammars decide: a value it could not read as its type never matches, so it is refused here.
    private static string? Normalize(string type, string value) => type switch
    {
        "numeric" => ContextValueGrammar.IsNumber(value) ? value : null,
        // AWS reads a boolean in any case; the Bool operator compares the lower-case word.
        "boolean" => ContextValueGrammar.IsBoolean(value) ? value.ToLowerInvariant() : null,
        "ip" => ContextValueGrammar.IsIpAddress(value) ? value : null,
        "binary" => ContextValueGrammar.IsBase64(value) ? value : null,
        "date" => ContextValueGrammar.IsDate(value) ? value : null,
        _ => value,
    };

    private static string Describe(string type) => type switch
    {
        "numeric" => "number (digits with an optional sign and decimal point, such as 10 or -2.5)",
        "boolean" => "boolean (`true` or `false`)",
        "ip" => "IP address or CIDR range",
        "binary" => "base64 value",
        "date" => "date (a W3C date such as 2019-04-25 or 2019-04-25T11:00:00Z, or seconds since 1970)",
        _ => type,
    };
}
