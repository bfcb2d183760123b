using PolicyEngine.Conformance;

namespace PolicyEngine.Benchmarks;

/// <summary>The reference workload: realistic-iam-simulate.jsonl from the conformance corpus in the repository.</summary>
internal static class Workload
{
    public static IReadOnlyList<ConformanceCase> Load()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Governance.sln")))
        {
            directory = directory.Parent;
        }
        if (directory is null)
        {
            throw new InvalidOperationException("run the benchmarks from inside the repository");
        }
        var path = Path.Combine(directory.FullName, "tests", "data", "conformance", "realistic-iam-simulate.jsonl");
        return [.. File.ReadLines(path).Select(static line => ConformanceCaseReader.Parse(line).Case!)];
    }
}
