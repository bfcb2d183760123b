using System.CommandLine.Parsing;
using System.Text.RegularExpressions;

namespace Governance.Cli.Commands;

/// <summary>
/// The parser's errors in the user's words: a value that does not convert is named with the option and what was
/// expected (<c>--grant: `x` is not an id; expected a GUID such as …</c>), never with the .NET type the option is read
/// as, and every message is one line.
/// </summary>
internal static partial class UsageErrorText
{
    /// <summary>The one line <paramref name="error"/> is told in, without the <c>iamgov: </c> prefix.</summary>
    public static string Describe(ParseError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        var message = OneLine(error.Message);
        var notAmong = NotAmong().Match(message);
        if (notAmong.Success && NameOf(error.SymbolResult) is { } named)
        {
            var values = notAmong.Groups["values"].Value.Split('\'', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Where(static v => v.Length > 0).ToList();
            return $"{named}: `{notAmong.Groups["token"].Value}` is not one of {OutputOption.OneOf(values)}";
        }
        var conversion = CannotParse().Match(message);
        if (!conversion.Success)
        {
            // The parser names the type in other messages too; the symbol's own name is enough.
            return TypeName().Replace(message, "a value");
        }
        var token = conversion.Groups["token"].Value;
        var (name, type) = error.SymbolResult switch
        {
            OptionResult o => (o.Option.Name, o.Option.ValueType),
            ArgumentResult { Parent: OptionResult o } => (o.Option.Name, o.Option.ValueType),
            ArgumentResult a => (a.Argument.Name.ToUpperInvariant(), a.Argument.ValueType),
            _ => (conversion.Groups["name"].Value, typeof(string)),
        };
        return $"{name}: `{token}` is not {Expected(type)}";
    }

    private static string? NameOf(SymbolResult? result) => result switch
    {
        OptionResult o => o.Option.Name,
        ArgumentResult { Parent: OptionResult o } => o.Option.Name,
        ArgumentResult a => a.Argument.Name.ToUpperInvariant(),
        _ => null,
    };

    /// <summary>What a value of <paramref name="type"/> is, in words.</summary>
    private static string Expected(Type type)
    {
        var inner = Nullable.GetUnderlyingType(type) ?? (type.IsArray ? type.GetElementType()! : type);
        if (inner.IsEnum)
        {
            return $"one of {OutputOption.OneOf([.. Enum.GetNames(inner).Select(static n => n.ToLowerInvariant())])}";
        }
        return Type.GetTypeCode(inner) switch
        {
            TypeCode.Int32 or TypeCode.Int64 or TypeCode.Int16 => "a whole number",
            TypeCode.Double or TypeCode.Single or TypeCode.Decimal => "a number",
            TypeCode.Boolean => "`true` or `false`",
            _ when inner == typeof(Guid) => "an id: expected a GUID such as 0195a1b2-3c4d-7e5f-8a9b-0c1d2e3f4a5b",
            _ when inner == typeof(DateTimeOffset) || inner == typeof(DateTime) => "a date and time such as 2026-01-31T12:00:00Z",
            _ when inner == typeof(TimeSpan) => "a duration such as 01:30:00",
            _ => "a value this option takes",
        };
    }

    private static string OneLine(string message) =>
        string.Join(' ', message.Split(['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    [GeneratedRegex(@"^Cannot parse argument '(?<token>.*)' for (?:option|command|argument) '(?<name>[^']*)' as expected type '[^']*'\.?$", RegexOptions.Singleline)]
    private static partial Regex CannotParse();

    [GeneratedRegex(@"^Argument '(?<token>.*)' not recognized\. Must be one of: (?<values>.*)$", RegexOptions.Singleline)]
    private static partial Regex NotAmong();

    [GeneratedRegex(@"'?\b(?:System|Governance|Microsoft)\.[A-Za-z0-9_.`\[\], ]+'?")]
    private static partial Regex TypeName();
}
