using System.Globalization;
using System.Text;
using System.Text.Json;
using Governance.Core.Exclusions;
using Governance.Core.Formats;
using Governance.Core.Risk;

namespace Governance.Core.Reports;

/// <summary>A risk audit as the stable JSON document that <c>iamgov audit --format json</c> prints: <c>{"asOf","totals","principals":[{"arn",...,"findings":[...]}],"resources":[...],"notes":[...]}</c>.</summary>
/// <remarks>Enum values are written by name; property order is fixed; see docs/audit-json.md.</remarks>
public static class RiskReportJson
{
    /// <summary>Renders <paramref name="audit"/> as one indented document, without a final newline.</summary>
    public static string Render(AccountRisks audit)
    {
        ArgumentNullException.ThrowIfNull(audit);
        using var stream = new MemoryStream();
        Write(audit, stream);
        return Encoding.UTF8.GetString(stream.GetBuffer(), 0, (int)stream.Length);
    }

    /// <summary>
    /// Writes <paramref name="audit"/> to <paramref name="output"/> as <see cref="Render"/> gives it, handing the bytes
    /// on every 64 KB: an organisation's report is a hundred megabytes, never held whole. The stream stays open.
    /// </summary>
    public static void Write(AccountRisks audit, Stream output)
    {
        ArgumentNullException.ThrowIfNull(audit);
        ArgumentNullException.ThrowIfNull(output);
        using var json = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true });
        Write(json, audit);
    }


    private static void Write(Utf8JsonWriter json, AccountRisks audit)
    {
        json.WriteStartObject();
        json.WriteString("asOf", UtcTimestamp.Format(audit.AsOf));
        json.WriteStartObject("totals");
        json.WriteNumber("principals", audit.Principals.Length);
        json.WriteNumber("resources", audit.Resources.Length);
        json.WriteNumber("findings", audit.Findings.Count());
        json.WriteStartObject("byCategory");
        foreach (var category in Enum.GetValues<FindingCategory>())
        {
            json.WriteNumber(category.ToString(), audit.Findings.Count(f => f.Category == category));
        }
        json.WriteEndObject();
        json.WriteStartObject("bySeverity");
        foreach (var severity in Enum.GetValues<RiskSeverity>())
        {
            json.WriteNumber(severity.ToString(), audit.Findings.Count(f => f.Severity == severity));
        }
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteStartArray("principals");
        foreach (var principal in audit.Principals)
        {
            json.WriteStartObject();
            json.WriteString("arn", principal.Arn);
            json.WriteString("name", principal.Name);
            json.WriteString("kind", principal.Kind.ToString());
            json.WriteString("account", principal.AccountId);
            json.WriteStartObject("access");
            json.WriteNumber("services", principal.Access.Services);
            json.WriteNumber("actions", principal.Access.Actions);
            json.WriteNumber("conditional", principal.Access.Conditional);
            json.WriteStartObject("byLevel");
            foreach (var (level, count) in principal.Access.ByLevel)
            {
                json.WriteNumber(level.ToString(), count);
            }
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteStartArray("findings");
            foreach (var finding in principal.Findings)
            {
                WriteFinding(json, principal.Arn, finding);
            }
            json.WriteEndArray();
            json.WriteEndObject();
            JsonWriting.FlushWhenFull(json);
        }
        json.WriteEndArray();
        json.WriteStartArray("resources");
        foreach (var resource in audit.Resources)
        {
            json.WriteStartObject();
            json.WriteString("arn", resource.Arn);
            json.WriteString("name", resource.Name);
            json.WriteString("kind", resource.Kind.ToString());
            json.WriteString("account", resource.AccountId);
            json.WriteStartArray("findings");
            foreach (var finding in resource.Findings)
            {
                WriteFinding(json, resource.Arn, finding);
            }
            json.WriteEndArray();
            json.WriteEndObject();
            JsonWriting.FlushWhenFull(json);
        }
        json.WriteEndArray();
        JsonWriting.Strings(json, "notes", audit.Notes);
        json.WriteStartArray("excluded");
        foreach (var excluded in audit.Excluded)
        {
            json.WriteStartObject();
            json.WriteString("subject", excluded.Subject);
            json.WritePropertyName("finding");
            WriteFinding(json, excluded.Subject, excluded.Finding);
            json.WritePropertyName("by");
            WriteExclusion(json, excluded.By);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteStartArray("exclusionWarnings");
        foreach (var warning in audit.ExclusionWarnings)
        {
            json.WriteStartObject();
            json.WriteString("kind", warning.Kind.ToString());
            json.WriteString("source", warning.Source);
            json.WriteNumber("line", warning.Line);
            json.WriteNumber("column", warning.Column);
            json.WriteString("message", warning.Message);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteExclusion(Utf8JsonWriter json, Exclusion by)
    {
        json.WriteStartObject();
        json.WriteStartObject("finding");
        void Match(string name, string? value)
        {
            if (value is not null)
            {
                json.WriteString(name, value);
            }
        }
        Match("rule", by.Finding.Rule);
        Match("principal", by.Finding.Principal);
        Match("account", by.Finding.Account);
        Match("resource", by.Finding.Resource);
        Match("fingerprint", by.Finding.Fingerprint);
        json.WriteEndObject();
        json.WriteString("reason", by.Reason);
        json.WriteString("approvedBy", by.ApprovedBy);
        json.WriteString("expires", by.Expires.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        json.WriteString("source", by.Source);
        json.WriteNumber("line", by.Line);
        json.WriteNumber("column", by.Column);
        json.WriteEndObject();
    }

    private static void WriteFinding(Utf8JsonWriter json, string subject, Finding finding)
    {
        json.WriteStartObject();
        json.WriteString("category", finding.Category.ToString());
        json.WriteString("severity", finding.Severity.ToString());
        json.WriteString("title", finding.Title);
        if (finding.PathId is { } id)
        {
            json.WriteString("pathId", id);
        }
        JsonWriting.Strings(json, "actions", finding.Actions);
        JsonWriting.Strings(json, "path", finding.Path);
        JsonWriting.Strings(json, "conditionKeys", finding.ConditionKeys);
        if (finding.OtherChains > 0)
        {
            json.WriteNumber("otherChains", finding.OtherChains);
        }
        json.WriteString("fingerprint", RiskExclusions.FingerprintOf(subject, finding));
        json.WriteStartArray("evidence");
        foreach (var evidence in finding.Evidence)
        {
            json.WriteStartObject();
            json.WriteString("principal", evidence.Principal);
            json.WriteString("policy", evidence.Policy);
            json.WriteString("sid", evidence.Sid);
            json.WriteNumber("line", evidence.Line);
            json.WriteString("policyType", evidence.PolicyType.ToString());
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }

}
