using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Governance.Core.Infrastructure.Aws.Crawl;

/// <summary>The snapshot's files as the crawl writes them: indented JSON, one final newline.</summary>
internal static class SnapshotJson
{
    // Files are data for other tools: policy text stays as written (no \u0022 for quotes, no \u002B for plus), as the AWS CLI prints it.
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static byte[] Serialize(JsonObject json) => Encoding.UTF8.GetBytes(json.ToJsonString(Indented) + "\n");
}
