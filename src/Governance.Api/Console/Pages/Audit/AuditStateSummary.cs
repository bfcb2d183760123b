using System.Text.Json;

namespace Governance.Api.Console.Pages.Audit;

/// <summary>
/// An audit event's before and after states in a line or two for a table: the fields that changed as "before → after",
/// or, for a state with nothing before it, its first few fields. The exact texts stay in <c>GET /v1/audit/events</c>.
/// </summary>
internal static class AuditStateSummary
{
    private const int MaxFields = 4;
    private const int MaxValueLength = 60;

    /// <summary>The lines summarising the change from <paramref name="before"/> to <paramref name="after"/> (JSON texts or null).</summary>
    public static IReadOnlyList<string> Of(string? before, string? after)
    {
        var was = Fields(before);
        var now = Fields(after);
        if (was.Count == 0)
        {
            return [.. now.Take(MaxFields).Select(static f => $"{f.Key}: {f.Value}")];
        }
        var changed = now.Keys.Union(was.Keys)
            .Where(k => !string.Equals(was.GetValueOrDefault(k), now.GetValueOrDefault(k), StringComparison.Ordinal))
            .Select(k => $"{k}: {was.GetValueOrDefault(k) ?? "—"} → {now.GetValueOrDefault(k) ?? "—"}")
            .ToList();
        return changed.Count <= MaxFields ? changed : [.. changed.Take(MaxFields), $"and {changed.Count - MaxFields} more"];
    }

    private static Dictionary<string, string> Fields(string? json)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        if (json is null)
        {
            return fields;
        }
        try
        {
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                fields["state"] = Shorten(document.RootElement.GetRawText());
                return fields;
            }
            foreach (var property in document.RootElement.EnumerateObject())
            {
                fields[property.Name] = Shorten(Text(property.Value));
            }
        }
        catch (JsonException)
        {
            // The service writes these texts; one that does not parse is shown as it is, for the verification to judge.
            fields["state"] = Shorten(json);
        }
        return fields;
    }

    private static string Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString()!,
        JsonValueKind.Null => "none",
        JsonValueKind.Array => value.GetArrayLength() == 0 ? "none" : string.Join(", ", value.EnumerateArray().Select(Text)),
        _ => value.GetRawText(),
    };

    private static string Shorten(string text) => text.Length <= MaxValueLength ? text : text[..MaxValueLength] + "…";
}
