using System.Collections.Immutable;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Scheduler.Drift;

/// <summary>The drift reports, one JSON file each in the reports folder (<c>drift-TIME-ID.json</c>).</summary>
/// <remarks>Thread-safe: files are written whole under a temporary name and renamed.</remarks>
public sealed class DriftReportStore(string directory)
{
    /// <summary>How reports are serialized: web casing, enums by name.</summary>
    public static JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The folder the reports are in.</summary>
    public string Directory { get; } = directory;

    /// <summary>Writes <paramref name="report"/>.</summary>
    public async Task WriteAsync(DriftReport report, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        System.IO.Directory.CreateDirectory(Directory);
        var file = Path.Combine(Directory, $"drift-{report.RanAt.UtcDateTime:yyyyMMdd'T'HHmmss'Z'}-{report.Id:N}.json");
        var temp = file + ".tmp";
        await File.WriteAllTextAsync(temp, JsonSerializer.Serialize(report, Json), cancellationToken).ConfigureAwait(false);
        File.Move(temp, file, overwrite: true);
    }

    /// <summary>The latest reports, newest first.</summary>
    public async Task<ImmutableArray<DriftReport>> ListAsync(int limit, CancellationToken cancellationToken)
    {
        var reports = ImmutableArray.CreateBuilder<DriftReport>();
        foreach (var file in Files().Take(limit))
        {
            if (await ReadAsync(file, cancellationToken).ConfigureAwait(false) is { } report)
            {
                reports.Add(report);
            }
        }
        return reports.ToImmutable();
    }

    /// <summary>The report with <paramref name="id"/>, or null.</summary>
    public async Task<DriftReport?> FindAsync(Guid id, CancellationToken cancellationToken)
        => Files().FirstOrDefault(f => f.EndsWith($"-{id:N}.json", StringComparison.Ordinal)) is { } file
            ? await ReadAsync(file, cancellationToken).ConfigureAwait(false)
            : null;

    // The file names start with the time, so their order is the reports' order.
    private IEnumerable<string> Files() => System.IO.Directory.Exists(Directory)
        ? System.IO.Directory.EnumerateFiles(Directory, "drift-*.json").OrderDescending(StringComparer.Ordinal)
        : [];

    private static async Task<DriftReport?> ReadAsync(string file, CancellationToken cancellationToken)
    {
        try
        {
            return JsonSerializer.Deserialize<DriftReport>(await File.ReadAllTextAsync(file, cancellationToken).ConfigureAwait(false), Json);
        }
        catch (JsonException)
        {
            return null; // not a report this version can read; listing the others is more useful than failing
        }
    }
}
