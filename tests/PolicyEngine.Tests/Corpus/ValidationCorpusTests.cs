using PolicyEngine.Diagnostics;
using PolicyEngine.Validation;

namespace PolicyEngine.Tests.Corpus;

/// <summary>
/// The document corpus: each file of <c>Corpus/invalid</c> must produce the finding its manifest row names (code and
/// line), and each file of <c>Corpus/valid</c> must produce no error. Adding a case means adding data, not code.
/// </summary>
public sealed class ValidationCorpusTests
{
    private static readonly Dictionary<string, CorpusCase> Invalid = CorpusCase.Load("invalid").ToDictionary(static c => c.File);
    private static readonly Dictionary<string, CorpusCase> Valid = CorpusCase.Load("valid").ToDictionary(static c => c.File);

    public static TheoryData<string> InvalidFiles() => [.. Invalid.Keys.Order(StringComparer.Ordinal)];

    public static TheoryData<string> ValidFiles() => [.. Valid.Keys.Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(InvalidFiles))]
    public void Validate_InvalidDocument_ReportsExpectedFinding(string file)
    {
        var expected = Invalid[file];
        var json = File.ReadAllText(Path.Combine(CorpusCase.Folder("invalid"), file));

        var report = PolicyValidator.Validate(json, expected.PolicyKind, expected.Options);

        Assert.True(report.Findings.Any(f => f.Code == expected.Code && f.Location.Line == expected.Line),
            $"expected {expected.Code} at line {expected.Line}; found:\n"
            + string.Join("\n", report.Findings.Select(static f => $"  {f.Location} {f.Severity} {f.Code} {f.Message}")));
    }

    [Theory]
    [MemberData(nameof(ValidFiles))]
    public void Validate_ValidDocument_ReportsNoError(string file)
    {
        var row = Valid[file];
        var json = File.ReadAllText(Path.Combine(CorpusCase.Folder("valid"), file));

        var report = PolicyValidator.Validate(json, row.PolicyKind, row.Options);

        Assert.False(report.HasErrors, string.Join("\n", report.Findings.Select(static f => $"  {f.Location} {f.Severity} {f.Code} {f.Message}")));
        Assert.DoesNotContain(report.Findings, static f => f.Severity is Severity.Error or Severity.SecurityWarning or Severity.Warning);
    }

    [Fact]
    public void Corpus_EveryFile_HasOneManifestRow()
    {
        foreach (var (folder, rows) in new[] { ("invalid", Invalid), ("valid", Valid) })
        {
            var files = Directory.GetFiles(CorpusCase.Folder(folder), "*.json")
                .Select(static f => Path.GetFileName(f)!)
                .Where(static f => f != "expectations.json")
                .Order(StringComparer.Ordinal);
            Assert.Equal(rows.Keys.Order(StringComparer.Ordinal), files);
        }
        Assert.True(Invalid.Count >= 60, $"the issue asks for at least 60 invalid documents; there are {Invalid.Count}");
    }
}
