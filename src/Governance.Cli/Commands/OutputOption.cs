using System.CommandLine;

namespace Governance.Cli.Commands;

/// <summary>
/// The one <c>-o/--output FORMAT</c> option every command takes: lowercase names, the first the default, read in any
/// case (<c>-o JSON</c>) and refused in the user's words otherwise. Where the output goes is <see cref="OutputFileOption"/>.
/// </summary>
internal static class OutputOption
{
    /// <summary>The option, taking one of <paramref name="formats"/>; <paramref name="formats"/>[0] is the default.</summary>
    public static Option<string> Create(string description, params string[] formats)
    {
        ArgumentOutOfRangeException.ThrowIfZero(formats.Length);
        var option = new Option<string>("--output", "-o")
        {
            Description = description,
            HelpName = string.Join('|', formats),
            DefaultValueFactory = _ => formats[0],
            CustomParser = result =>
            {
                var token = result.Tokens.Count == 1 ? result.Tokens[0].Value : string.Empty;
                var name = formats.FirstOrDefault(f => string.Equals(f, token, StringComparison.OrdinalIgnoreCase));
                if (name is null)
                {
                    result.AddError($"--output: `{token}` is not an output; use {OneOf(formats)}");
                }
                return name ?? formats[0];
            },
        };
        option.CompletionSources.Add(formats);
        return option;
    }

    /// <summary><c>`text`, `json` or `sarif`</c>.</summary>
    public static string OneOf(IReadOnlyList<string> names) =>
        names.Count < 2 ? string.Concat(names.Select(static n => $"`{n}`"))
        : $"{string.Join(", ", names.Take(names.Count - 1).Select(static n => $"`{n}`"))} or `{names[^1]}`";
}
