using System.Text;

namespace TestSupport.Hostile;

/// <summary>
/// Writes the hostile corpus: valid policies of every kind, each broken in every way <see cref="HostileJson"/> knows,
/// one file per way, laid out so that <c>iamgov validate FOLDER</c> reads every file as a policy of its kind.
/// </summary>
public static class HostileCorpus
{
    /// <summary>A valid document per kind, in the folder <c>iamgov validate</c> reads as that kind (guardrails by folder, the rest as identity policies).</summary>
    public static IReadOnlyList<(string Folder, string Json)> BaseDocuments { get; } =
    [
        ("identity", """{"Version":"2012-10-17","Statement":[{"Sid":"Read","Effect":"Allow","Action":["s3:GetObject"],"Resource":"arn:aws:s3:::lake/*"}]}"""),
        ("boundary", """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*","Condition":{"StringEquals":{"aws:RequestedRegion":"eu-west-1"}}}]}"""),
        ("resource", """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:root"},"Action":"s3:GetObject","Resource":"arn:aws:s3:::lake/*"}]}"""),
        ("trust", """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}"""),
        ("guardrails/scp", """{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"*","Resource":"*","Condition":{"StringNotEquals":{"aws:RequestedRegion":["eu-west-1"]}}}]}"""),
        ("guardrails/rcp", """{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Principal":"*","Action":"s3:*","Resource":"*","Condition":{"Bool":{"aws:SecureTransport":"false"}}}]}"""),
    ];

    /// <summary>
    /// Writes the corpus below <paramref name="folder"/> and returns the files written, relative to it with <c>/</c>.
    /// Every file is unreadable or draws a finding of the JSON layer (codes <c>IAM000x</c>): each fragment is spliced
    /// into a key and into a string value, and each whole-document variant but the harmless UTF-8 byte order mark is
    /// written; the 5 MB strings only once, since every kind shares the reader.
    /// </summary>
    public static IReadOnlyList<string> Write(string folder)
    {
        ArgumentNullException.ThrowIfNull(folder);
        var written = new List<string>();
        var first = true;
        foreach (var (kindFolder, json) in BaseDocuments)
        {
            var valid = Encoding.UTF8.GetBytes(json);
            var quotes = valid.Select(static (b, i) => (b, i)).Where(static p => p.b == (byte)'"').Select(static p => p.i).ToArray();
            var inKey = quotes[0] + 1;
            var inLastValue = quotes[^2] + 1;
            foreach (var (kind, fragment) in HostileJson.InvalidFragments)
            {
                written.Add(Save(folder, kindFolder, $"{kind}-in-key", Splice(valid, inKey, fragment)));
                written.Add(Save(folder, kindFolder, $"{kind}-in-value", Splice(valid, inLastValue, fragment)));
            }
            foreach (var (kind, bytes, readable) in HostileJson.WholeDocumentVariants(valid))
            {
                if (!readable && (first || !kind.StartsWith("big-", StringComparison.Ordinal)))
                {
                    written.Add(Save(folder, kindFolder, kind, bytes));
                }
            }
            first = false;
        }
        return written;
    }

    private static byte[] Splice(byte[] valid, int at, byte[] fragment) => [.. valid[..at], .. fragment, .. valid[at..]];

    private static string Save(string root, string kindFolder, string name, byte[] bytes)
    {
        var relative = $"{kindFolder}/{name}.json";
        var path = Path.Combine(root, kindFolder.Replace('/', Path.DirectorySeparatorChar), name + ".json");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
        return relative;
    }
}
