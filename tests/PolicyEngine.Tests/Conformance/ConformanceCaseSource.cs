using System.Collections.Frozen;
using PolicyEngine.Conformance;
using TestSupport.Paths;

namespace PolicyEngine.Tests.Conformance;

/// <summary>
/// Every line of every <c>*.jsonl</c> file of the shared corpus's copy (<c>tests/data/conformance</c>) and of the
/// project's own cases (<c>tests/data/conformance-project</c>), read once, by id.
/// </summary>
public static class ConformanceCaseSource
{
    private static readonly Lazy<FrozenDictionary<string, ConformanceCaseParse>> Cases = new(Load);

    public static string CasesDirectory => TestData.Path("conformance");

    public static string ProjectCasesDirectory => TestData.Path("conformance-project");

    public static IEnumerable<string> Files() => new[] { CasesDirectory, ProjectCasesDirectory }
        .SelectMany(static directory => Directory.EnumerateFiles(directory, "*.jsonl").Order(StringComparer.Ordinal));

    public static TheoryData<string> Ids()
    {
        var data = new TheoryData<string>();
        foreach (var id in Cases.Value.Keys.Order(StringComparer.Ordinal))
        {
            data.Add(id);
        }
        return data;
    }

    public static ConformanceCaseParse Get(string id) => Cases.Value[id];

    public static IEnumerable<ConformanceCase> All() => Cases.Value.Values.Select(static c => c.Case!).Where(static c => c is not null);

    private static FrozenDictionary<string, ConformanceCaseParse> Load()
    {
        var cases = new Dictionary<string, ConformanceCaseParse>(StringComparer.Ordinal);
        foreach (var file in Files())
        {
            var lineNumber = 0;
            foreach (var line in File.ReadLines(file))
            {
                lineNumber++;
                if (string.IsNullOrWhiteSpace(line))
                {
                    continue;
                }
                var parsed = ConformanceCaseReader.Parse(line);
                var id = parsed.Id ?? $"{Path.GetFileName(file)}:{lineNumber}";
                cases.Add(id, parsed);
            }
        }
        return cases.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
