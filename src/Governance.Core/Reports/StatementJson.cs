using System.Text.Json;
using PolicyEngine.Evaluation;

namespace Governance.Core.Reports;

/// <summary>The JSON fields every command and the API write the same way, so that scripts read one shape everywhere.</summary>
public static class StatementJson
{
    /// <summary>Opens an object describing <paramref name="statement"/>; the caller may add fields and closes it.</summary>
    public static void WriteStatement(Utf8JsonWriter json, StatementRef statement)
    {
        json.WriteStartObject();
        json.WriteString("policyType", statement.PolicyType.ToString());
        json.WriteString("policy", statement.PolicyName);
        if (statement.Level is { } level)
        {
            json.WriteNumber("level", level);
        }
        json.WriteString("sid", statement.Sid);
        json.WriteNumber("index", statement.Index);
        json.WriteString("path", statement.JsonPath);
        json.WriteNumber("line", statement.Line);
    }

    /// <summary>Writes <paramref name="statements"/> as an array of statement objects named <paramref name="name"/>.</summary>
    public static void WriteStatements(Utf8JsonWriter json, string name, IEnumerable<StatementRef> statements)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(statements);
        json.WriteStartArray(name);
        foreach (var statement in statements)
        {
            WriteStatement(json, statement);
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }

    /// <summary>Writes <paramref name="values"/> as an array of strings named <paramref name="name"/>.</summary>
    public static void WriteStrings(Utf8JsonWriter json, string name, IEnumerable<string> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values)
        {
            json.WriteStringValue(value);
        }
        json.WriteEndArray();
    }
}
