using System.Text.Json;

namespace Governance.Cli.Tests.Golden;

/// <summary>
/// The findings of an <c>iamgov audit</c> or <c>iamgov drift</c> JSON report as sorted lines, one a finding, with what
/// the finding says and nothing that changes from run to run (time, report id, fingerprint, evidence line numbers);
/// role-chain findings apart, so that a change to how chains are reported can be reviewed on its own.
/// </summary>
internal static class GoldenFindings
{
    private const string ChainPathId = "sts-assume-role";

    /// <summary>The report's findings (those listed as excluded too, marked so), as lines: the others, and the chains.</summary>
    public static (IReadOnlyList<string> Findings, IReadOnlyList<string> Chains) Of(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        var findings = new List<string>();
        var chains = new List<string>();
        if (root.TryGetProperty("principals", out var principals))
        {
            foreach (var owner in principals.EnumerateArray().Concat(root.GetProperty("resources").EnumerateArray()))
            {
                foreach (var finding in owner.GetProperty("findings").EnumerateArray())
                {
                    var line = AuditLine(owner.GetProperty("arn").GetString()!, finding);
                    (IsChain(finding) ? chains : findings).Add(line);
                }
            }
        }
        else
        {
            foreach (var finding in root.GetProperty("findings").EnumerateArray())
            {
                var line = DriftLine(finding);
                (IsChainDetail(finding.GetProperty("detail").GetString()!) ? chains : findings).Add(line);
            }
        }
        foreach (var excluded in root.GetProperty("excluded").EnumerateArray())
        {
            // The finding, and what excluded it (the entry's rule and match, not where its file is or its review).
            var finding = string.Join(" | ", excluded.EnumerateObject().Where(static p => p.Name != "by")
                .Select(static p => $"{p.Name}={JsonSerializer.Serialize(p.Value)}"));
            var by = excluded.TryGetProperty("by", out var entry) && entry.TryGetProperty("finding", out var match) ? JsonSerializer.Serialize(match) : "-";
            findings.Add($"excluded {finding} | by={by}");
        }
        findings.Sort(StringComparer.Ordinal);
        chains.Sort(StringComparer.Ordinal);
        return (findings, chains);
    }

    /// <summary>A chain: reached by assuming roles (the sts-assume-role path, or another path reached through one).</summary>
    private static bool IsChain(JsonElement finding)
        => finding.TryGetProperty("pathId", out var id) && id.GetString() == ChainPathId
            || IsChainDetail(finding.GetProperty("title").GetString()!);

    private static bool IsChainDetail(string text) => text.Contains("Assumes ", StringComparison.Ordinal);

    private static string AuditLine(string owner, JsonElement finding)
    {
        var evidence = finding.GetProperty("evidence").EnumerateArray()
            .Select(static e => $"{e.GetProperty("principal").GetString()}:{e.GetProperty("policy").GetString()}:{Text(e, "sid")}")
            .Order(StringComparer.Ordinal);
        return string.Join(" | ",
            owner,
            finding.GetProperty("category").GetString(),
            finding.GetProperty("severity").GetString(),
            Text(finding, "pathId"),
            finding.GetProperty("title").GetString(),
            string.Join(" > ", finding.GetProperty("path").EnumerateArray().Select(static p => p.GetString())),
            string.Join(",", finding.GetProperty("actions").EnumerateArray().Select(static a => a.GetString())),
            string.Join(",", finding.GetProperty("conditionKeys").EnumerateArray().Select(static k => k.GetString())),
            string.Join(",", evidence));
    }

    private static string DriftLine(JsonElement finding) => string.Join(" | ",
        finding.GetProperty("principal").GetString(),
        finding.GetProperty("kind").GetString(),
        finding.GetProperty("severity").GetString(),
        finding.GetProperty("detail").GetString());

    private static string Text(JsonElement element, string name)
        => element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString()! : "-";
}
