using System.Text;

namespace AwsReplay;

/// <summary>One request exactly as the replay endpoint received it.</summary>
/// <param name="Method">The HTTP method, upper case.</param>
/// <param name="Path">The path as sent on the wire, still percent-encoded.</param>
/// <param name="Query">The query string as sent on the wire, without the leading <c>?</c>; empty when there is none.</param>
/// <param name="Headers">Every header by name (case-insensitive), each with all its values in the order received.</param>
/// <param name="Body">The body bytes.</param>
public sealed record RecordedRequest(
    string Method,
    string Path,
    string Query,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Headers,
    byte[] Body)
{
    /// <summary>The body decoded as UTF-8.</summary>
    public string BodyText => Encoding.UTF8.GetString(Body);

    /// <summary>The first value of a header, or null when the request has none.</summary>
    public string? Header(string name) => Headers.TryGetValue(name, out var values) && values.Count > 0 ? values[0] : null;

    /// <summary>
    /// The AWS Query API parameters: the form body of a POST (<c>application/x-www-form-urlencoded</c>) followed by
    /// the query string, decoded. The first occurrence of a name wins.
    /// </summary>
    public IReadOnlyDictionary<string, string> Parameters
    {
        get
        {
            var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
            var isForm = Header("Content-Type")?.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase) == true;
            foreach (var (name, value) in FormEncoding.Parse(isForm ? BodyText : "").Concat(FormEncoding.Parse(Query)))
                parameters.TryAdd(name, value);
            return parameters;
        }
    }

    /// <summary>The Query API <c>Action</c> parameter, or null when there is none.</summary>
    public string? Action => Parameters.TryGetValue("Action", out var action) ? action : null;
}
