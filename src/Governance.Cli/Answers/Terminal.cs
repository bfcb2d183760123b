namespace Governance.Cli.Answers;

/// <summary>Colour for people at a terminal, plain text for pipes, files and <c>NO_COLOR</c>.</summary>
internal sealed class Terminal(bool color)
{
    public static Terminal For(TextWriter writer)
        => new(ReferenceEquals(writer, Console.Out) && !Console.IsOutputRedirected
            && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR")));

    public string Green(string text) => Paint("32", text);

    public string Red(string text) => Paint("31", text);

    public string Dim(string text) => Paint("2", text);

    public string Bold(string text) => Paint("1", text);

    private string Paint(string code, string text) => color ? $"\u001b[{code}m{text}\u001b[0m" : text;
}
