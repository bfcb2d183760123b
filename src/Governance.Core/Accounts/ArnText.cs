namespace Governance.Core.Accounts;

/// <summary>
/// What text an ARN (or a principal's name) from outside may be, before any parsing: at most <see cref="MaxLength"/>
/// characters, as AWS bounds ARNs, with no white space, control character (NUL, a line break that forges log lines)
/// or <c>"</c>, none of which any ARN holds. The one owner of these limits for access requests, can-i and filters.
/// </summary>
public static class ArnText
{
    /// <summary>AWS's limit on an ARN's length (IAM quotas: "ARN: 2,048 characters").</summary>
    public const int MaxLength = 2048;

    /// <summary>Why <paramref name="text"/> cannot be an ARN or name, without quoting it when it is long or holds control characters; null when it can.</summary>
    /// <param name="text">The value as given.</param>
    /// <param name="what">What it is, for the message (<c>a resource</c>).</param>
    public static string? WhyNot(string text, string what)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length == 0)
        {
            return $"{what} is empty";
        }
        if (text.Length > MaxLength)
        {
            return $"{what} of {text.Length} characters; an ARN has at most {MaxLength}";
        }
        return text.Any(static c => char.IsWhiteSpace(c) || char.IsControl(c) || c == '"')
            ? $"{what} holds white space, a control character or `\"`, which no ARN holds"
            : null;
    }
}
