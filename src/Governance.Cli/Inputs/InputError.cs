namespace Governance.Cli.Inputs;

/// <summary>A problem with what the user gave on the command line: a file, an argument, a value.</summary>
/// <param name="Message">What is wrong, naming the input, and what was expected.</param>
internal sealed record InputError(string Message)
{
    public override string ToString() => Message;
}
