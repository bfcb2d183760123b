using System.Text.Json;
using System.Text.Json.Serialization;
using PolicyEngine.Validation;

namespace PolicyEngine.Tests.Corpus;

/// <summary>One row of a corpus manifest: a document, what it is validated as, and (for invalid ones) the finding it must produce.</summary>
internal sealed record CorpusCase(
    [property: JsonPropertyName("file")] string File,
    [property: JsonPropertyName("kind")] string Kind,
    [property: JsonPropertyName("code")] string? Code,
    [property: JsonPropertyName("line")] int Line,
    [property: JsonPropertyName("container")] string? Container,
    [property: JsonPropertyName("note")] string? Note)
{
    public PolicyKind PolicyKind => Enum.Parse<PolicyKind>(Kind, ignoreCase: true);

    public ValidationOptions Options => new()
    {
        Container = Container is null ? PolicyContainer.Managed : Enum.Parse<PolicyContainer>(Container, ignoreCase: true),
    };

    /// <summary>A corpus folder (<c>invalid</c>, <c>valid</c>) copied next to the test assembly.</summary>
    public static string Folder(string name) => Path.Combine(AppContext.BaseDirectory, "Corpus", name);

    public static IReadOnlyList<CorpusCase> Load(string folder)
    {
        using var stream = System.IO.File.OpenRead(Path.Combine(Folder(folder), "expectations.json"));
        return JsonSerializer.Deserialize<Manifest>(stream)!.Cases;
    }

    private sealed record Manifest([property: JsonPropertyName("cases")] List<CorpusCase> Cases);
}
