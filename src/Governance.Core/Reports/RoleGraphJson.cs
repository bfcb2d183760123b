using System.Text.Json;
using Governance.Core.Risk;

namespace Governance.Core.Reports;

/// <summary>
/// Writes a <see cref="RoleGraph"/> as JSON (<c>iamgov audit --role-graph FILE</c>): <c>nodes</c> and <c>edges</c>,
/// streamed to the output as they are written, so a graph of a million edges never sits in memory as text.
/// </summary>
public static class RoleGraphJson
{
    /// <summary>Writes <paramref name="graph"/> to <paramref name="output"/>, flushing as it goes; the stream stays open.</summary>
    public static void Write(RoleGraph graph, Stream output)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(output);
        using var json = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = false });
        json.WriteStartObject();
        json.WriteNumber("nodeCount", graph.Nodes.Length);
        json.WriteNumber("edgeCount", graph.Edges.Length);
        json.WriteStartArray("nodes");
        foreach (var node in graph.Nodes)
        {
            json.WriteStartObject();
            json.WriteString("arn", node.Arn);
            json.WriteString("accountId", node.AccountId);
            json.WriteString("kind", node.Kind.ToString());
            json.WriteBoolean("administrator", node.Administrator);
            JsonWriting.Strings(json, "escalations", node.Escalations);
            json.WriteEndObject();
            JsonWriting.FlushWhenFull(json);
        }
        json.WriteEndArray();
        json.WriteStartArray("edges");
        foreach (var edge in graph.Edges)
        {
            json.WriteStartObject();
            json.WriteString("from", edge.From);
            json.WriteString("to", edge.To);
            JsonWriting.Strings(json, "conditionKeys", edge.ConditionKeys);
            json.WriteEndObject();
            JsonWriting.FlushWhenFull(json);
        }
        json.WriteEndArray();
        json.WriteEndObject();
        json.Flush();
        output.WriteByte((byte)'\n');
    }
}
