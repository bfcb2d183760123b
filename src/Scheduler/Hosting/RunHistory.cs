using System.Text.Json;

namespace Scheduler.Hosting;

/// <summary>
/// When each job last ran, kept in a small file beside the embedded database, so that the in-memory job store,
/// which forgets everything on restart, can still fire once at start-up for a firing missed while the service was down.
/// </summary>
/// <remarks>Only used with the in-memory store; the PostgreSQL store keeps each trigger's history itself.</remarks>
internal sealed class RunHistory(string path)
{
    /// <summary>The file name in the data folder.</summary>
    public const string FileName = "scheduler-runs.json";

    private readonly Lock _gate = new();

    /// <summary>The file the history is kept in.</summary>
    public string Path { get; } = path;

    /// <summary>When <paramref name="job"/> last completed, or null when it never has here.</summary>
    public DateTimeOffset? LastRun(string job)
    {
        lock (_gate)
        {
            return Read().TryGetValue(job, out var at) ? at : null;
        }
    }

    /// <summary>Records that <paramref name="job"/> completed a firing at <paramref name="at"/>.</summary>
    public void Record(string job, DateTimeOffset at)
    {
        lock (_gate)
        {
            var runs = Read();
            runs[job] = at;
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(Path))!);
            var temp = Path + ".tmp";
            File.WriteAllText(temp, JsonSerializer.Serialize(runs));
            File.Move(temp, Path, overwrite: true);
        }
    }

    private Dictionary<string, DateTimeOffset> Read()
    {
        if (!File.Exists(Path))
        {
            return new(StringComparer.Ordinal);
        }
        try
        {
            return JsonSerializer.Deserialize<Dictionary<string, DateTimeOffset>>(File.ReadAllText(Path)) ?? new(StringComparer.Ordinal);
        }
        catch (JsonException)
        {
            // A damaged history only costs one catch-up firing; the jobs are idempotent.
            return new(StringComparer.Ordinal);
        }
    }
}
