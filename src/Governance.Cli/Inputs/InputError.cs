namespace Governance.Cli.Inputs;

/// <summary>A problem with what the user gave on the command line: a file, an argument, a value.</summary>
/// <param name="Message">What is wrong, naming the input, and what was expected; kept to one line (<see cref="MessageText"/>).</param>
internal sealed record InputError(string Message)
{
    /// <summary>The message, one line whatever of the user's input it quotes.</summary>
    public string Message { get; init; } = MessageText.OneLine(Message);

    public override string ToString() => Message;
}
