using System.Globalization;

namespace Governance.Core.Identity;

/// <summary>
/// What may name a person acting on the service: the one rule for the token subjects the API accepts and the subjects
/// <c>iamgov token</c> mints.
/// </summary>
/// <remarks>
/// An actor id is written into requests, grants, the audit trail and the logs. It must name someone (not empty), fit the
/// columns that hold it (<see cref="MaxLength"/>), carry no character that would start a new line or hide text in a log
/// or a terminal (controls, line and paragraph separators, format characters such as bidirectional overrides, lone
/// surrogates), have no leading or trailing space (<c>alice </c> would look like <c>alice</c>), and never imitate the
/// service's own actor (<see cref="Actor.SystemId"/>, any <see cref="SystemPrefix"/> in any case).
/// </remarks>
public static class ActorIdRule
{
    /// <summary>The longest actor id, in UTF-16 code units: the width of the actor columns.</summary>
    public const int MaxLength = 256;

    /// <summary>The prefix reserved for the service's own actions.</summary>
    public const string SystemPrefix = "system:";

    /// <summary>Why <paramref name="id"/> cannot name an actor, as a phrase that follows its name (<c>is empty</c>); null when it can.</summary>
    /// <remarks>The phrase never repeats the id, so it is safe to log and to put in a header.</remarks>
    public static string? Refusal(string? id)
    {
        if (id is null)
        {
            return "is missing";
        }
        if (id.Length == 0)
        {
            return "is empty";
        }
        if (id.Length > MaxLength)
        {
            return $"is longer than {MaxLength} characters";
        }
        for (var i = 0; i < id.Length; i++)
        {
            if (Unprintable(id, i) is { } code)
            {
                return $"holds the invisible or control character U+{code:X4} at position {i + 1}";
            }
        }
        if (char.IsWhiteSpace(id[0]) || char.IsWhiteSpace(id[^1]))
        {
            return "begins or ends with a space";
        }
        return id.StartsWith(SystemPrefix, StringComparison.OrdinalIgnoreCase)
            ? $"begins with `{SystemPrefix}`, which names the service's own actions"
            : null;
    }

    /// <summary>The code of the character at <paramref name="i"/> when it must not appear in an id; null otherwise.</summary>
    private static int? Unprintable(string id, int i)
    {
        var c = id[i];
        if (char.IsHighSurrogate(c) && i + 1 < id.Length && char.IsLowSurrogate(id[i + 1]))
        {
            return null;
        }
        if (char.IsLowSurrogate(c) && i > 0 && char.IsHighSurrogate(id[i - 1]))
        {
            return null;
        }
        return CharUnicodeInfo.GetUnicodeCategory(c) switch
        {
            UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.LineSeparator
                or UnicodeCategory.ParagraphSeparator or UnicodeCategory.Surrogate => c,
            _ => null,
        };
    }
}
