using System.Text.Json;
using PolicyEngine.Syntax;

namespace Governance.Core.Policies;

/// <summary>Whether two policy documents are the same JSON: the shortcut drift takes, for trust policies and guardrails, before asking the engine.</summary>
internal static class SameJson
{
    /// <summary>
    /// True when both texts are readable JSON with equal values. A text that is not (a snapshot's URL-encoded document
    /// may decode to anything, a lone surrogate escape included, which would throw when compared) is never the same:
    /// the engine reads it as allowing nobody and says so.
    /// </summary>
    public static bool Documents(string a, string b)
    {
        if (!JsonTextCheck.TryParse(a, JsonTextRules.Default, out var left, out _))
        {
            return false;
        }
        using (left)
        {
            if (!JsonTextCheck.TryParse(b, JsonTextRules.Default, out var right, out _))
            {
                return false;
            }
            using (right)
            {
                return JsonElement.DeepEquals(left.RootElement, right.RootElement);
            }
        }
    }
}
