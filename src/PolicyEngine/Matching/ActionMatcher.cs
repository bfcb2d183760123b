using PolicyEngine.Model;

namespace PolicyEngine.Matching;

/// <summary>A statement's Action or NotAction, compiled and split by service prefix.</summary>
/// <remarks>
/// Action names compare case-insensitively with <c>*</c> and <c>?</c> over the whole name.
/// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_action.html
/// </remarks>
internal sealed class ActionMatcher
{
    private ActionMatcher(bool isNot, Dictionary<string, ServicePatterns> byService, string[] global)
    {
        IsNot = isNot;
        ByService = byService;
        Global = global;
        ListsEverything = Array.IndexOf(global, "*") >= 0;
    }

    /// <summary>True for NotAction.</summary>
    public bool IsNot { get; }

    /// <summary>Patterns whose service prefix is literal, by prefix (case-insensitive).</summary>
    public Dictionary<string, ServicePatterns> ByService { get; }

    /// <summary>Patterns whose prefix holds a wildcard (<c>*</c>, <c>s3*:Get*</c>), matched against the whole action.</summary>
    public string[] Global { get; }

    /// <summary>True when a pattern is <c>*</c>: every action is listed.</summary>
    public bool ListsEverything { get; }

    /// <summary>Compiles <paramref name="spec"/>.</summary>
    public static ActionMatcher Create(ActionSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var services = new Dictionary<string, (List<string> Exact, List<string> Wildcards)>(StringComparer.OrdinalIgnoreCase);
        var lookup = services.GetAlternateLookup<ReadOnlySpan<char>>();
        var global = new List<string>();
        foreach (var value in spec.Values)
        {
            var text = value.Value;
            var colon = text.IndexOf(':', StringComparison.Ordinal);
            if (colon < 0 || Wildcard.HasWildcard(text.AsSpan(0, colon)))
            {
                global.Add(text);
                continue;
            }
            if (!lookup.TryGetValue(text.AsSpan(0, colon), out var lists))
            {
                lists = ([], []);
                services[text[..colon]] = lists;
            }
            var name = text[(colon + 1)..];
            (Wildcard.HasWildcard(name) ? lists.Wildcards : lists.Exact).Add(name);
        }
        var byService = new Dictionary<string, ServicePatterns>(services.Count, StringComparer.OrdinalIgnoreCase);
        foreach (var (service, lists) in services)
        {
            byService[service] = new ServicePatterns([.. lists.Exact], [.. lists.Wildcards]);
        }
        return new ActionMatcher(spec.IsNot, byService, [.. global]);
    }

    /// <summary>Whether the statement covers the action <paramref name="service"/>:<paramref name="name"/>.</summary>
    public bool Matches(string service, string name, string action)
        => (ByService.TryGetValue(service, out var patterns) && patterns.Lists(name) || ListedGlobally(Global, action)) != IsNot;

    /// <summary>Whether <paramref name="action"/> matches one of <paramref name="fullPatterns"/>.</summary>
    public static bool ListedGlobally(string[] fullPatterns, string action)
    {
        foreach (var pattern in fullPatterns)
        {
            if (Wildcard.IsMatch(pattern, action, ignoreCase: true))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>Whether <paramref name="name"/> matches one of <paramref name="patterns"/>.</summary>
    public static bool ListedByName(string[] patterns, string name)
    {
        foreach (var pattern in patterns)
        {
            if (Wildcard.IsMatch(pattern, name, ignoreCase: true))
            {
                return true;
            }
        }
        return false;
    }
}
