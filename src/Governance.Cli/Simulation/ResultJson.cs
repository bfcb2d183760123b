using System.Text.Json;
using Governance.Core.Reports;
using PolicyEngine.Evaluation;

namespace Governance.Cli.Simulation;

/// <summary>Writes decisions and explanations as JSON; the engine's typed results rendered for tools.</summary>
internal static class ResultJson
{
    /// <summary>One line: <c>{"id":...,"decision":...}</c>, with <c>"explanation"</c> when <paramref name="result"/> is given.</summary>
    public static string CaseLine(string id, Decision decision, AuthorizationResult? result)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("id", id);
            json.WriteString("decision", decision.ToString());
            if (result is not null)
            {
                json.WritePropertyName("explanation");
                ExplanationJson.Write(json, result);
            }
            json.WriteEndObject();
        }
        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }
}
