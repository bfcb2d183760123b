using System.Collections.Immutable;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace PolicyEngine.Model;

/// <summary>
/// Prints a <see cref="PolicyDocument"/> as canonical JSON: two-space indentation, elements in AWS's documented
/// order, Statement, Action, Resource, principal lists and condition values always as arrays, principal types in
/// the order AWS, Service, Federated, CanonicalUser, and condition values as strings.
/// </summary>
/// <remarks>
/// The canonical form is a fixed point: parsing printed text and printing it again gives the same text, which the
/// round-trip property tests check. It keeps the meaning (AWS compares condition values as strings, and reads a
/// single value as a one-element list) but not the layout or the JSON types of condition values.
/// </remarks>
public static class PolicyPrinter
{
    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        // Policies are read by people and by IAM, not embedded in HTML: keep `+`, `&` and `'` readable.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The document's canonical JSON text.</summary>
    public static string Print(PolicyDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, Options))
        {
            json.WriteStartObject();
            if (document.Version != PolicyVersion.Unspecified)
            {
                json.WriteString("Version", document.Version == PolicyVersion.Version2012 ? "2012-10-17" : "2008-10-17");
            }
            if (document.Id is { } id)
            {
                json.WriteString("Id", id);
            }
            json.WriteStartArray("Statement");
            foreach (var statement in document.Statements)
            {
                WriteStatement(json, statement);
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void WriteStatement(Utf8JsonWriter json, Statement statement)
    {
        json.WriteStartObject();
        if (statement.Sid is { } sid)
        {
            json.WriteString("Sid", sid);
        }
        json.WriteString("Effect", statement.Effect == Effect.Allow ? "Allow" : "Deny");
        if (statement.Principal is { } principal)
        {
            WritePrincipal(json, principal);
        }
        WriteStrings(json, statement.Action.IsNot ? "NotAction" : "Action", statement.Action.Values);
        if (statement.Resource is { } resource)
        {
            WriteStrings(json, resource.IsNot ? "NotResource" : "Resource", resource.Values);
        }
        if (!statement.Conditions.IsEmpty)
        {
            WriteConditions(json, statement.Conditions);
        }
        json.WriteEndObject();
    }

    private static void WritePrincipal(Utf8JsonWriter json, PrincipalSpec principal)
    {
        var name = principal.IsNot ? "NotPrincipal" : "Principal";
        if (principal.IsWildcard)
        {
            json.WriteString(name, "*");
            return;
        }
        json.WriteStartObject(name);
        foreach (var type in Enum.GetValues<PrincipalType>())
        {
            var values = principal.Entries.Where(e => e.Type == type).Select(static e => e.Value).ToList();
            if (values.Count == 0)
            {
                continue;
            }
            json.WriteStartArray(type == PrincipalType.Aws ? "AWS" : type.ToString());
            foreach (var value in values)
            {
                json.WriteStringValue(value);
            }
            json.WriteEndArray();
        }
        json.WriteEndObject();
    }

    private static void WriteConditions(Utf8JsonWriter json, ImmutableArray<ConditionClause> clauses)
    {
        json.WriteStartObject("Condition");
        // Clauses of one operator are adjacent in parsed documents, but group them anyway: the model allows any order.
        foreach (var group in clauses.GroupBy(static c => c.OperatorName, StringComparer.Ordinal))
        {
            json.WriteStartObject(group.Key);
            foreach (var clause in group)
            {
                WriteStrings(json, clause.Key, clause.Values);
            }
            json.WriteEndObject();
        }
        json.WriteEndObject();
    }

    private static void WriteStrings(Utf8JsonWriter json, string name, ImmutableArray<LocatedString> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values)
        {
            json.WriteStringValue(value.Value);
        }
        json.WriteEndArray();
    }
}
