namespace AwsReplay;

/// <summary>Reads <c>name=value&amp;…</c> strings as browsers and the AWS SDKs write them.</summary>
internal static class FormEncoding
{
    /// <summary>The decoded pairs in order; <c>+</c> is a space, as in form bodies.</summary>
    public static IEnumerable<(string Name, string Value)> Parse(string text)
    {
        foreach (var pair in text.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var name = equals < 0 ? pair : pair[..equals];
            var value = equals < 0 ? "" : pair[(equals + 1)..];
            yield return (Decode(name), Decode(value));
        }
    }

    private static string Decode(string text) => Uri.UnescapeDataString(text.Replace('+', ' '));
}
