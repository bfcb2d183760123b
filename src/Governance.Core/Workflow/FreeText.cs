namespace Governance.Core.Workflow;

/// <summary>
/// The one rule for text people write into a record (justifications, decision comments): bounded, and free of control
/// characters other than line breaks and tabs, which no database column should hold (PostgreSQL refuses NUL outright)
/// and no log or console should replay.
/// </summary>
public static class FreeText
{
    /// <summary>What is wrong with <paramref name="text"/> as free text of at most <paramref name="maxLength"/> characters; null when nothing is.</summary>
    public static string? Problem(string text, int maxLength)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length > maxLength)
        {
            return $"{text.Length} characters; at most {maxLength}";
        }
        return text.Any(static c => char.IsControl(c) && c is not ('\n' or '\r' or '\t'))
            ? "holds a control character; only line breaks and tabs are allowed"
            : null;
    }
}
