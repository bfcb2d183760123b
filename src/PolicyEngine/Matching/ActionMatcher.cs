using PolicyEngine.Model;

namespace PolicyEngine.Matching;

/// <summary>A statement's Action or NotAction, compiled and split by service prefix.</summary>
/// <remarks>
/// Action names compare case-insensitively with <c>*</c> and <c>?</c> over the whole name.
/// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_action.html
/// </remarks>
internal sealed class ActionMatcher
{
    private ActionMatcher(bool isNot, Dictionary<string, string[]> byService, string[] global, string[] exactNames)
    {
        IsNot = isNot;
        ByService = byService;
        Global = global;
        ExactNames = exactNames;
    }

    /// <summary>True for NotAction.</summary>
    public bool IsNot { get; }

    /// <summary>Patterns whose service prefix is literal, by prefix (case-insensitive), holding only the part after <c>:</c>.</summary>
    public Dictionary<string, string[]> ByService { get; }

    /// <summary>Patterns whose prefix holds a wildcard (<c>*</c>, <c>s3*:Get*</c>), matched against the whole action.</summary>
    public string[] Global { get; }

    /// <summary>The listed names without wildcards, whole (<c>s3:GetObject</c>).</summary>
    public string[] ExactNames { get; }

    /// <summary>Compiles <paramref name="spec"/>.</summary>
    public static ActionMatcher Create(ActionSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var byService = new Dictionary<string, List<string>>(StringComparer.OrdinalIgnoreCase);
        var global = new List<string>();
        var exact = new List<string>();
        foreach (var value in spec.Values)
        {
            var text = value.Value;
            var colon = text.IndexOf(':', StringComparison.Ordinal);
            if (colon < 0 || Wildcard.HasWildcard(text.AsSpan(0, colon)))
            {
                global.Add(text);
                continue;
            }
            var service = text[..colon];
            if (!byService.TryGetValue(service, out var list))
            {
                byService[service] = list = [];
            }
            list.Add(text[(colon + 1)..]);
            if (!Wildcard.HasWildcard(text))
            {
                exact.Add(text);
            }
        }
        return new ActionMatcher(spec.IsNot,
            byService.ToDictionary(static e => e.Key, static e => e.Value.ToArray(), StringComparer.OrdinalIgnoreCase),
            [.. global], [.. exact]);
    }

    /// <summary>Whether the statement covers the action <paramref name="service"/>:<paramref name="name"/>.</summary>
    public bool Matches(string service, string name, string action)
        => Listed(ByService.GetValueOrDefault(service), Global, name, action) != IsNot;

    /// <summary>Whether <paramref name="action"/> is listed by <paramref name="namePatterns"/> or <paramref name="fullPatterns"/>.</summary>
    public static bool Listed(string[]? namePatterns, string[] fullPatterns, string name, string action)
    {
        if (namePatterns is not null)
        {
            foreach (var pattern in namePatterns)
            {
                if (Wildcard.IsMatch(pattern, name, ignoreCase: true))
                {
                    return true;
                }
            }
        }
        foreach (var pattern in fullPatterns)
        {
            if (Wildcard.IsMatch(pattern, action, ignoreCase: true))
            {
                return true;
            }
        }
        return false;
    }
}
