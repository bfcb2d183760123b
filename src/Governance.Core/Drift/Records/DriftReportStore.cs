namespace Governance.Core.Drift.Records;

/// <summary>The reports folder: one JSON file per drift report (<c>drift-TIME-ID.json</c>), a copy of what the database holds.</summary>
/// <remarks>Thread-safe: files are written whole under a temporary name and renamed. The API reads the database, never this folder.</remarks>
public sealed class DriftReportStore(string directory)
{
    /// <summary>The folder the reports are in.</summary>
    public string Directory { get; } = directory;

    /// <summary>Writes <paramref name="report"/>.</summary>
    public async Task WriteAsync(DriftReport report, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        System.IO.Directory.CreateDirectory(Directory);
        var file = Path.Combine(Directory, $"drift-{report.RanAt.UtcDateTime:yyyyMMdd'T'HHmmss'Z'}-{report.Id:N}.json");
        var temp = file + ".tmp";
        await File.WriteAllTextAsync(temp, DriftReportJson.Write(report), cancellationToken).ConfigureAwait(false);
        File.Move(temp, file, overwrite: true);
    }

    /// <summary>Deletes the copy of the report with <paramref name="id"/>, when this folder holds one.</summary>
    /// <returns>How many files were deleted.</returns>
    public int Delete(Guid id)
    {
        if (!System.IO.Directory.Exists(Directory))
        {
            return 0;
        }
        var deleted = 0;
        foreach (var file in System.IO.Directory.EnumerateFiles(Directory, $"drift-*-{id:N}.json"))
        {
            File.Delete(file);
            deleted++;
        }
        return deleted;
    }
}
