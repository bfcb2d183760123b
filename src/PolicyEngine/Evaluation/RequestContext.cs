using System.Collections.Frozen;
using System.Collections.Immutable;

namespace PolicyEngine.Evaluation;

/// <summary>
/// The condition keys of one request and their values. Keys compare case-insensitively, as AWS compares them;
/// values keep their case. A key may be multi-valued (<c>aws:TagKeys</c>); a single value is a one-element list.
/// </summary>
/// <remarks>Immutable and thread-safe; built once per request and read without allocating.</remarks>
public sealed class RequestContext
{
    private readonly FrozenDictionary<string, ImmutableArray<string>> _values;

    private RequestContext(FrozenDictionary<string, ImmutableArray<string>> values) => _values = values;

    /// <summary>A context with no keys.</summary>
    public static RequestContext Empty { get; } = new(FrozenDictionary<string, ImmutableArray<string>>.Empty);

    /// <summary>Every key and its values.</summary>
    public IEnumerable<KeyValuePair<string, ImmutableArray<string>>> Entries => _values;

    /// <summary>How many keys the request carries.</summary>
    public int Count => _values.Count;

    /// <summary>Builds a context; a later duplicate of a key (in any case) replaces the earlier one.</summary>
    public static RequestContext Create(IEnumerable<KeyValuePair<string, ImmutableArray<string>>> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var map = new Dictionary<string, ImmutableArray<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, values) in entries)
        {
            map[key] = values.IsDefault ? [] : values;
        }
        return new RequestContext(map.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase));
    }

    /// <summary>Builds a context of single-valued keys.</summary>
    public static RequestContext Create(IEnumerable<KeyValuePair<string, string>> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        return Create(entries.Select(static e => KeyValuePair.Create(e.Key, ImmutableArray.Create(e.Value))));
    }

    /// <summary>The values of <paramref name="key"/>; false when the request does not carry it.</summary>
    /// <remarks>A key present with an empty list is present: <c>ForAllValues</c> treats both as vacuously true, <c>Null</c> does not.</remarks>
    public bool TryGetValues(string key, out ImmutableArray<string> values) => _values.TryGetValue(key, out values);

    /// <summary>A copy with <paramref name="key"/> set to <paramref name="values"/>, for keys the evaluator derives (principal ARN, account).</summary>
    public RequestContext With(string key, ImmutableArray<string> values)
        => Create(_values.Where(e => !string.Equals(e.Key, key, StringComparison.OrdinalIgnoreCase)).Append(KeyValuePair.Create(key, values)));

    /// <summary>A copy with each of <paramref name="defaults"/> added where this context lacks the key; present keys are kept.</summary>
    public RequestContext WithMissing(IEnumerable<KeyValuePair<string, ImmutableArray<string>>> defaults)
    {
        ArgumentNullException.ThrowIfNull(defaults);
        var added = defaults.Where(d => !_values.ContainsKey(d.Key)).ToList();
        return added.Count == 0 ? this : Create(_values.Concat(added));
    }
}
