using System.Collections.Immutable;
using System.Globalization;
using System.Net;

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

    private static string? Normalize(string type, string value) => type switch
    {
        "numeric" => double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) && double.IsFinite(n) ? value : null,
        // AWS reads a boolean in any case; the Bool operator compares the lower-case word.
        "boolean" => value.Equals("true", StringComparison.OrdinalIgnoreCase) ? "true" : value.Equals("false", StringComparison.OrdinalIgnoreCase) ? "false" : null,
        "ip" => IsIp(value) ? value : null,
        "binary" => value.Length > 0 && System.Convert.TryFromBase64String(value, new byte[value.Length], out _) ? value : null,
        "date" => IsDate(value) ? value : null,
        _ => value,
    };

    private static bool IsIp(string value)
    {
        var slash = value.IndexOf('/', StringComparison.Ordinal);
        var address = slash < 0 ? value : value[..slash];
        // IPAddress.TryParse also takes "1" and "1.2" for IPv4; AWS wants the dotted quad.
        if (!address.Contains(':', StringComparison.Ordinal) && address.Split('.').Length != 4)
        {
            return false;
        }
        if (!IPAddress.TryParse(address, out var ip))
        {
            return false;
        }
        var bits = ip.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? 128 : 32;
        return slash < 0 || (int.TryParse(value[(slash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var prefix) && prefix <= bits);
    }

    private static bool IsDate(string value)
        => long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _)
            || DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out _);

    private static string Describe(string type) => type switch
    {
        "numeric" => "number",
        "boolean" => "boolean (`true` or `false`)",
        "ip" => "IP address or CIDR range",
        "binary" => "base64 value",
        "date" => "date (ISO 8601, such as 2019-04-25T11:00:00Z, or seconds since 1970)",
        _ => type,
    };
}
