using System.Text.Json;
using PolicyEngine.Conformance;

namespace PolicyEngine.Tests.Conformance;

/// <summary>
/// The project's own cases (<c>tests/data/conformance-project</c>) are written from the AWS documentation: each cites
/// its page, and each uses only fields the reader knows, so a misspelt field cannot make a case pass by being ignored.
/// </summary>
public sealed class ProjectCaseRulesTests
{
    public static TheoryData<string> Lines()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(ConformanceCaseSource.ProjectCasesDirectory, "*.jsonl").Order(StringComparer.Ordinal))
        {
            var number = 0;
            foreach (var line in File.ReadLines(file))
            {
                number++;
                if (!string.IsNullOrWhiteSpace(line))
                {
                    data.Add($"{Path.GetFileName(file)}:{number}");
                }
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Lines))]
    public void ProjectCase_CitesItsDocumentationAndUsesKnownFields(string place)
    {
        // Arrange
        var colon = place.LastIndexOf(':');
        var file = Path.Combine(ConformanceCaseSource.ProjectCasesDirectory, place[..colon]);
        var line = File.ReadLines(file).ElementAt(int.Parse(place[(colon + 1)..], System.Globalization.CultureInfo.InvariantCulture) - 1);

        // Act
        using var json = JsonDocument.Parse(line);
        var root = json.RootElement;
        var unknown = root.EnumerateObject().Select(static p => p.Name).Where(n => !ConformanceCaseReader.CaseFields.Contains(n))
            .Concat(root.GetProperty("request").EnumerateObject().Select(static p => p.Name)
                .Where(n => !ConformanceCaseReader.RequestFields.Contains(n)).Select(static n => $"request.{n}"))
            .Concat(root.TryGetProperty("accessPoint", out var accessPoint) && accessPoint.ValueKind == JsonValueKind.Object
                ? accessPoint.EnumerateObject().Select(static p => p.Name).Where(n => !ConformanceCaseReader.AccessPointFields.Contains(n))
                    .Select(static n => $"accessPoint.{n}")
                : [])
            .ToArray();

        // Assert
        Assert.True(unknown.Length == 0, $"{place}: fields the reader does not know: {string.Join(", ", unknown)}");
        Assert.True(root.TryGetProperty("source", out var source) && source.GetString() is { } url
            && url.StartsWith("https://docs.aws.amazon.com/", StringComparison.Ordinal), $"{place}: `source` must cite an AWS documentation page");
        Assert.True(root.TryGetProperty("expected", out _), $"{place}: a project case states AWS's answer");
    }

    [Fact]
    public void ProjectCases_EveryFileHoldsAtLeastTenCases()
    {
        // Arrange
        var files = Directory.EnumerateFiles(ConformanceCaseSource.ProjectCasesDirectory, "*.jsonl").ToArray();

        // Act
        var small = files.Where(f => File.ReadLines(f).Count(static l => !string.IsNullOrWhiteSpace(l)) < 10).Select(Path.GetFileName).ToArray();

        // Assert
        Assert.NotEmpty(files);
        Assert.True(small.Length == 0, $"fewer than 10 cases in {string.Join(", ", small)}; the issue asks for at least 10 per layer");
    }
}
