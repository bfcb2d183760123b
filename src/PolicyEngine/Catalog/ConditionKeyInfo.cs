using PolicyEngine.Matching;

namespace PolicyEngine.Catalog;

/// <summary>A condition key: a global <c>aws:</c> key or one a service defines.</summary>
/// <remarks>
/// A key may be a template such as <c>aws:PrincipalTag/${TagKey}</c> or <c>s3:ExistingObjectTag/&lt;key&gt;</c>;
/// each <c>${...}</c> or <c>&lt;...&gt;</c> placeholder stands for one or more characters.
/// Instances are immutable and safe to share between threads.
/// </remarks>
public sealed class ConditionKeyInfo
{
    // Invariant: null when Key has no placeholder; otherwise Key with each placeholder replaced by "?*"
    // (one or more characters), so that Wildcard.IsMatch does the matching. Keys hold no '*' or '?'
    // (generate.mjs checks), so the glob has no other wildcard.
    private readonly string? _glob;

    internal ConditionKeyInfo(string key, ConditionKeyType type, string? description)
    {
        Key = key;
        Type = type;
        Description = description;
        _glob = ToGlob(key);
    }

    /// <summary>The key as AWS spells it, for example <c>aws:SourceIp</c> or <c>s3:ExistingObjectTag/&lt;key&gt;</c>.</summary>
    public string Key { get; }

    /// <summary>The type of the key's value.</summary>
    public ConditionKeyType Type { get; }

    /// <summary>AWS's one-line description, or null when the data has none.</summary>
    public string? Description { get; }

    /// <summary>Whether <see cref="Key"/> holds a placeholder such as <c>${TagKey}</c>.</summary>
    public bool IsTemplate => _glob is not null;

    /// <summary>Whether a key written in a policy is this key, comparing case-insensitively and filling placeholders.</summary>
    /// <param name="key">A key from a policy, for example <c>aws:PrincipalTag/team</c>.</param>
    public bool Matches(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return _glob is null
            ? string.Equals(Key, key, StringComparison.OrdinalIgnoreCase)
            : Wildcard.IsMatch(_glob, key, ignoreCase: true);
    }

    /// <inheritdoc/>
    public override string ToString() => Key;

    private static string? ToGlob(string key)
    {
        if (key.AsSpan().IndexOfAny('$', '<') < 0)
        {
            return null;
        }

        var glob = new System.Text.StringBuilder(key.Length);
        bool templated = false;
        for (int i = 0; i < key.Length; i++)
        {
            int end = -1;
            if (key[i] == '$' && i + 1 < key.Length && key[i + 1] == '{')
            {
                end = key.IndexOf('}', i + 2);
            }
            else if (key[i] == '<')
            {
                end = key.IndexOf('>', i + 1);
            }

            if (end > i)
            {
                glob.Append("?*");
                templated = true;
                i = end;
            }
            else
            {
                glob.Append(key[i]);
            }
        }

        return templated ? glob.ToString() : null;
    }
}
