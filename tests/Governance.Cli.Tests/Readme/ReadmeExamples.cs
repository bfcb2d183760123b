using System.Text;
using System.Text.RegularExpressions;

namespace Governance.Cli.Tests.Readme;

/// <summary>
/// Reads every <c>iamgov …</c> command line of a README's shell blocks (<c>```sh</c>, <c>bash</c>, <c>shell</c>,
/// <c>console</c>), as a reader would type it: continuation lines joined, the trailing comment dropped, <c>$VAR</c> and
/// <c>${VAR}</c> replaced by the value a <c>VAR=value</c> line of the README gives, <c>&lt; FILE</c> and <c>&gt; FILE</c>
/// taken as redirections.
/// </summary>
public static partial class ReadmeExamples
{
    /// <summary>Every example of <paramref name="markdown"/>, in order.</summary>
    public static IReadOnlyList<ReadmeExample> Read(string markdown)
    {
        var lines = markdown.ReplaceLineEndings("\n").Split('\n');
        var variables = new Dictionary<string, string>(StringComparer.Ordinal);
        var examples = new List<ReadmeExample>();
        var inShell = false;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.StartsWith("```", StringComparison.Ordinal))
            {
                inShell = !inShell && line[3..].Trim() is "sh" or "bash" or "shell" or "console";
                continue;
            }
            if (!inShell)
            {
                continue;
            }
            if (Assignment().Match(line) is { Success: true } assignment)
            {
                variables[assignment.Groups["name"].Value] = assignment.Groups["value"].Value;
                continue;
            }
            var command = line.StartsWith("$ ", StringComparison.Ordinal) ? line[2..].TrimStart() : line;
            if (!command.StartsWith("iamgov ", StringComparison.Ordinal))
            {
                continue;
            }
            var start = i;
            var text = new StringBuilder();
            var current = command;
            while (true)
            {
                var withoutComment = DropComment(current).TrimEnd();
                if (!withoutComment.EndsWith('\\') || i + 1 >= lines.Length)
                {
                    text.Append(withoutComment);
                    break;
                }
                text.Append(withoutComment[..^1]).Append(' ');
                current = lines[++i].Trim();
            }
            var expected = i + 1 < lines.Length && lines[i + 1].Trim() is var next && next.StartsWith("# => ", StringComparison.Ordinal)
                ? next["# => ".Length..].Trim()
                : null;
            examples.Add(Parse(start + 1, Regex.Replace(text.ToString(), @"\s+", " ").Trim(), variables, expected));
        }
        return examples;
    }

    /// <summary>Whether <paramref name="firstLine"/> is what <paramref name="expected"/> says, <c>…</c> standing for any text.</summary>
    public static bool Matches(string expected, string firstLine)
    {
        var pattern = "^" + string.Join(".*", expected.Split('…').Select(Regex.Escape)) + "$";
        return Regex.IsMatch(firstLine, pattern, RegexOptions.Singleline);
    }

    private static ReadmeExample Parse(int line, string text, IReadOnlyDictionary<string, string> variables, string? expected)
    {
        var (words, problem) = Words(text["iamgov ".Length..], variables);
        string? stdin = null, stdout = null;
        var arguments = new List<string>();
        for (var w = 0; w < words.Count && problem is null; w++)
        {
            var word = words[w];
            if (word is "|" or "&&" or ";" or "||")
            {
                problem = $"`{word}`: the example is more than one command";
            }
            else if (word is "<" or ">" or "2>")
            {
                if (w + 1 >= words.Count)
                {
                    problem = $"`{word}` names no file";
                    break;
                }
                var file = words[++w];
                stdin = word == "<" ? file : stdin;
                stdout = word == ">" ? file : stdout;
            }
            else
            {
                arguments.Add(word);
            }
        }
        return new ReadmeExample(line, text, arguments, stdin, stdout, expected, problem);
    }

    /// <summary>The shell words of <paramref name="text"/>: quotes removed, variables outside single quotes expanded.</summary>
    private static (List<string> Words, string? Problem) Words(string text, IReadOnlyDictionary<string, string> variables)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        var inWord = false;
        char quote = '\0';
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quote == '\'' ? c == '\'' : quote == '"' && c == '"')
            {
                quote = '\0';
                continue;
            }
            if (quote == '\0' && c is '\'' or '"')
            {
                quote = c;
                inWord = true;
                continue;
            }
            if (quote == '\0' && char.IsWhiteSpace(c))
            {
                if (inWord)
                {
                    words.Add(word.ToString());
                    word.Clear();
                    inWord = false;
                }
                continue;
            }
            if (c == '$' && quote != '\'')
            {
                var match = Variable().Match(text, i);
                if (match.Success && match.Index == i)
                {
                    var name = match.Groups["braced"].Success ? match.Groups["braced"].Value : match.Groups["plain"].Value;
                    if (!variables.TryGetValue(name, out var value))
                    {
                        return (words, $"`${name}` is not defined by the README (a `{name}=value` line in a shell block)");
                    }
                    word.Append(value);
                    inWord = true;
                    i += match.Length - 1;
                    continue;
                }
                return (words, "`$` that is not a variable (a command substitution?)");
            }
            word.Append(c);
            inWord = true;
        }
        if (inWord)
        {
            words.Add(word.ToString());
        }
        return (words, quote == '\0' ? null : "an unclosed quote");
    }

    /// <summary>The line without a trailing <c># comment</c> (a <c>#</c> after a space, outside quotes).</summary>
    private static string DropComment(string line)
    {
        char quote = '\0';
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quote != '\0')
            {
                quote = c == quote ? '\0' : quote;
            }
            else if (c is '\'' or '"')
            {
                quote = c;
            }
            else if (c == '#' && (i == 0 || char.IsWhiteSpace(line[i - 1])))
            {
                return line[..i];
            }
        }
        return line;
    }

    [GeneratedRegex(@"^(?<name>[A-Z][A-Z0-9_]*)=(?<value>[^\s$`'""()]+)(\s+#.*)?$")]
    private static partial Regex Assignment();

    [GeneratedRegex(@"\$(?:\{(?<braced>[A-Za-z_][A-Za-z0-9_]*)\}|(?<plain>[A-Za-z_][A-Za-z0-9_]*))")]
    private static partial Regex Variable();
}
