using System.Text;
using System.Text.Json;
using CsCheck;

namespace PolicyEngine.Tests.Parsing;

/// <summary>CsCheck generators: arbitrary JSON trees, policy-shaped JSON, and valid policy documents.</summary>
internal static class PolicyGenerators
{
    private static readonly string[] PolicyKeys =
    [
        "Version", "Id", "Statement", "Sid", "Effect", "Principal", "NotPrincipal", "Action", "NotAction",
        "Resource", "NotResource", "Condition", "AWS", "Service", "Federated", "CanonicalUser",
        "StringEquals", "ForAnyValue:StringLike", "IpAddress", "DateLessThan", "Bool", "NullIfExists", "aws:SourceIp", "s3:prefix",
    ];

    private static readonly string[] PolicyStrings =
    [
        "2012-10-17", "2008-10-17", "Allow", "Deny", "*", "s3:GetObject", "s3:Get*", "iam:PassRole", "sts:AssumeRole",
        "arn:aws:s3:::lake/*", "arn:aws:iam::123456789012:root", "ec2.amazonaws.com", "203.0.113.0/24", "true", "${aws:username}",
        "", "é", "→", "arn:aws:rds:*", "GetObject",
    ];

    private static Gen<string> Key { get; } = Gen.Frequency(
        (4, Gen.OneOf(PolicyKeys)),
        (1, Gen.Char["abcXYZ:/_ \"\\é"].Array[0, 6].Select(static c => new string(c))));

    private static Gen<JsonNodeText> Scalar { get; } = Gen.Frequency(
        (4, Gen.OneOf(PolicyStrings).Select(static s => new JsonNodeText(Quote(s)))),
        (1, Gen.Char["ab\\\"\n\t\u0001é→😀"].Array[0, 6].Select(static c => new JsonNodeText(Quote(new string(c))))),
        (1, Gen.Double.Select(static d => new JsonNodeText(double.IsFinite(d) ? d.ToString("R", System.Globalization.CultureInfo.InvariantCulture) : "0"))),
        (1, Gen.OneOf("true", "false", "null", "-0", "1e400").Select(static s => new JsonNodeText(s))));

    private static Gen<string> Name { get; } = Gen.Char["abcdefghijklmnopqrstuvwxyzABC0123456789"].Array[1, 8].Select(static c => new string(c));

    private static Gen<string> Action { get; } = Gen.Frequency(
        (3, Gen.OneOf("s3:GetObject", "s3:Get*", "ec2:Describe*", "iam:PassRole", "*", "sqs:SendMessage")),
        (1, Gen.Select(Name, Name, static (s, a) => s + ":" + a)));

    private static Gen<string> Resource { get; } = Gen.Frequency(
        (2, Gen.OneOf("*", "arn:aws:s3:::lake/*", "arn:aws:iam::123456789012:role/app-*")),
        (1, Name.Select(static n => $"arn:aws:s3:::{n}/${{aws:username}}/*")));

    private static Gen<string> Principal { get; } = Gen.Frequency(
        (1, Gen.OneOf("\"*\"")),
        (2, Gen.Select(Gen.OneOf("AWS", "Service", "Federated", "CanonicalUser"), Name.Array[1, 3])
            .Array[1, 3]
            .Select(static types => "{" + string.Join(",", types.DistinctBy(static t => t.Item1)
                .Select(static t => Quote(t.Item1) + ":" + List(t.Item2))) + "}")));

    private static Gen<string> Condition { get; } =
        Gen.Select(Gen.OneOf("StringEquals", "ForAnyValue:StringLike", "IpAddress", "NumericLessThan", "BoolIfExists", "DateGreaterThan"),
                Gen.Select(Gen.OneOf("aws:SourceIp", "aws:PrincipalTag/team", "s3:prefix", "aws:CurrentTime"), Name.Array[1, 3]).Array[1, 2])
            .Array[1, 3]
            .Select(static ops => "{" + string.Join(",", ops.DistinctBy(static o => o.Item1).Select(static o =>
                Quote(o.Item1) + ":{" + string.Join(",", o.Item2.DistinctBy(static k => k.Item1).Select(static k => Quote(k.Item1) + ":" + List(k.Item2))) + "}")) + "}");

    private static Gen<string> Statement { get; } = Gen.Select(
            Gen.Frequency((1, Gen.Bool.Select(static _ => (string?)null)), (1, Name.Select(static n => (string?)n))),
            Gen.OneOf("Allow", "Deny"),
            Gen.Frequency((2, Gen.Bool.Select(static _ => (string?)null)), (1, Principal.Select(static p => (string?)p))),
            Gen.Select(Gen.Bool, Action.Array[1, 4]),
            Gen.Frequency((1, Gen.Bool.Select(static _ => ((bool, string[])?)null)), (3, Gen.Select(Gen.Bool, Resource.Array[1, 3]).Select(static r => ((bool, string[])?)r))),
            Gen.Frequency((2, Gen.Bool.Select(static _ => (string?)null)), (1, Condition.Select(static c => (string?)c))))
        .Select(static s =>
        {
            var parts = new List<string>();
            if (s.Item1 is { } sid)
            {
                parts.Add("\"Sid\":" + Quote(sid));
            }
            parts.Add("\"Effect\":" + Quote(s.Item2));
            if (s.Item3 is { } principal)
            {
                parts.Add("\"Principal\":" + principal);
            }
            parts.Add((s.Item4.Item1 ? "\"NotAction\":" : "\"Action\":") + List(s.Item4.Item2));
            if (s.Item5 is { } resource)
            {
                parts.Add((resource.Item1 ? "\"NotResource\":" : "\"Resource\":") + List(resource.Item2));
            }
            if (s.Item6 is { } condition)
            {
                parts.Add("\"Condition\":" + condition);
            }
            return "{" + string.Join(",", parts) + "}";
        });

    /// <summary>Any bytes, short or long: mostly not JSON at all.</summary>
    public static Gen<byte[]> Bytes { get; } = Gen.Byte.Array[0, 600];

    /// <summary>Random JSON text, nesting up to 40 levels (beyond the reader's limit of 32), keys and strings drawn partly from the policy grammar.</summary>
    /// <remarks>Below depth 3 a node has at most one child, so trees stay small however deep they go.</remarks>
    public static Gen<string> Json { get; } = Gen.Recursive<JsonNodeText>((depth, self) =>
        depth >= 40
            ? Scalar
            : Gen.Frequency(
                (3, Scalar),
                (2, self.Array[0, depth < 3 ? 4 : 1].Select(static items => new JsonNodeText("[" + string.Join(",", items.Select(static i => i.Text)) + "]"))),
                (3, Gen.Select(Key, self).Array[0, depth < 3 ? 4 : 1].Select(static props =>
                    new JsonNodeText("{" + string.Join(",", props.Select(static p => Quote(p.Item1) + ":" + p.Item2.Text)) + "}"))),
                (depth < 3 ? 0 : 1, Gen.Int[30, 60].Select(static n => new JsonNodeText(new string('[', n) + new string(']', n))))))
        .Select(static n => n.Text);

    /// <summary>Documents that follow the grammar, for the round-trip property.</summary>
    public static Gen<string> ValidPolicy { get; } =
        Gen.Select(Gen.OneOf("2012-10-17", "2008-10-17", null), Gen.OneOf(null, "PolicyId"), Statement.Array[1, 4])
            .Select(static t => Document(t.Item1, t.Item2, t.Item3));

    private static string Document(string? version, string? id, string[] statements)
    {
        var text = new StringBuilder("{");
        if (version is not null)
        {
            text.Append("\"Version\":").Append(Quote(version)).Append(',');
        }
        if (id is not null)
        {
            text.Append("\"Id\":").Append(Quote(id)).Append(',');
        }
        // Sids must be unique; drop repeats so that every generated document is valid.
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var kept = statements.Where(s => !s.StartsWith("{\"Sid\":", StringComparison.Ordinal) || seen.Add(s[..s.IndexOf(',', StringComparison.Ordinal)]));
        text.Append("\"Statement\":[").Append(string.Join(",", kept)).Append("]}");
        return text.ToString();
    }

    private static string List(IEnumerable<string> values)
    {
        var items = values.Distinct(StringComparer.Ordinal).ToList();
        return items.Count == 1 ? Quote(items[0]) : "[" + string.Join(",", items.Select(Quote)) + "]";
    }

    private static string Quote(string text) => JsonSerializer.Serialize(text);

    /// <summary>A JSON value's text; a class so that <see cref="Gen.Recursive{T}(Func{int, Gen{T}, Gen{T}})"/> can build trees of it.</summary>
    internal sealed record JsonNodeText(string Text);
}
