using System.Text.Json;
using Governance.Core.Accounts.Questions;
using PolicyEngine.Evaluation;

namespace Governance.Core.Reports;

/// <summary>Writes an object read/write answer as JSON: the overall answer, then each call as <see cref="DecisionJson"/> writes one decision.</summary>
public static class ObjectAccessJson
{
    /// <summary>Writes <paramref name="answer"/> for <paramref name="principal"/>; <paramref name="warnings"/> are notes on its inputs.</summary>
    public static void Write(Utf8JsonWriter json, string principal, ObjectAccessAnswer answer, IEnumerable<string> warnings)
    {
        json.WriteStartObject();
        json.WriteBoolean("allowed", answer.Decision == Decision.Allow);
        json.WriteString("decision", answer.Decision.ToString());
        json.WriteString("principal", principal);
        json.WriteString("question", answer.Question.Kind == ObjectAccessKind.Read ? "read" : "write");
        json.WriteString("object", $"s3://{answer.Question.Bucket}/{answer.Question.Key}");
        json.WriteStartArray("calls");
        foreach (var call in answer.Calls)
        {
            DecisionJson.Write(json, principal, call.Question.Action, call.Question.Resource, call.Answer, call.Answer.Notes);
        }
        json.WriteEndArray();
        json.WriteStartArray("warnings");
        foreach (var note in answer.Notes.Concat(warnings))
        {
            json.WriteStringValue(note);
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }
}
