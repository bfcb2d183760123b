using System.Globalization;
using System.Text;

namespace Governance.Cli.Inputs;

/// <summary>Keeps a message that quotes the user's input to one line: a control character in it is shown as its escape.</summary>
internal static class MessageText
{
    /// <summary><paramref name="message"/> with each control character written <c>\u000A</c>, so that it cannot start a line of its own.</summary>
    public static string OneLine(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (!message.Any(char.IsControl))
        {
            return message;
        }
        var text = new StringBuilder(message.Length + 8);
        foreach (var c in message)
        {
            text.Append(char.IsControl(c) ? string.Create(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}") : c);
        }
        return text.ToString();
    }
}
