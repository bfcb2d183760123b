namespace Governance.Core.Accounts.Organization;

/// <summary>
/// The problems found in one file, held until the file's reading is done so that all their lines are found in one
/// more pass over the file, and only when there are problems.
/// </summary>
internal sealed class FileLog(ProblemLog log, string file)
{
    private readonly List<Pending> _pending = [];
    private int _errors;
    private int _droppedErrors;
    private int _droppedWarnings;

    /// <summary>The file, relative to the snapshot folder.</summary>
    public string File => file;

    /// <summary>How many errors this file has had.</summary>
    public int ErrorCount => _errors;

    /// <summary>Reports an error at <paramref name="path"/>; its line is found at <see cref="Flush"/> when not given.</summary>
    public void Error(string path, string message, int? line = null)
    {
        _errors++;
        Add(new Pending(path, message, line, Warning: false));
    }

    /// <summary>Reports a warning at <paramref name="path"/>.</summary>
    public void Warning(string path, string message, int? line = null) => Add(new Pending(path, message, line, Warning: true));

    /// <summary>Gives each problem its line in <paramref name="bytes"/> and passes it to the read's log.</summary>
    /// <remarks>
    /// A problem about a missing key has no element of its own: it takes the line of the nearest enclosing element.
    /// </remarks>
    public void Flush(ReadOnlyMemory<byte> bytes, int maxDepth)
    {
        var wanted = new HashSet<string>(StringComparer.Ordinal);
        foreach (var p in _pending.Where(static p => p.Line is null))
        {
            for (var path = p.Path; ; path = Parent(path))
            {
                wanted.Add(path);
                if (path.Length == 0)
                {
                    break;
                }
            }
        }
        var lines = JsonFile.Lines(bytes, wanted, maxDepth);
        foreach (var p in _pending)
        {
            var line = p.Line;
            for (var path = p.Path; line is null; path = Parent(path))
            {
                if (lines.TryGetValue(path, out var found))
                {
                    line = found;
                }
                else if (path.Length == 0)
                {
                    break;
                }
            }
            var problem = new OrganizationReadProblem(file, p.Path, p.Message, line);
            if (p.Warning)
            {
                log.Warning(problem);
            }
            else
            {
                log.Error(problem);
            }
        }
        _pending.Clear();
        log.Dropped(_droppedErrors, _droppedWarnings);
        (_droppedErrors, _droppedWarnings) = (0, 0);
    }

    /// <summary>The path of the element enclosing the one at <paramref name="path"/>: <c>A[2].B</c> → <c>A[2]</c> → <c>A</c> → empty.</summary>
    internal static string Parent(string path)
    {
        var cut = Math.Max(path.LastIndexOf('.'), path.LastIndexOf('['));
        return cut < 0 ? string.Empty : path[..cut];
    }

    private void Add(Pending problem)
    {
        if (_pending.Count < log.MaxProblems)
        {
            _pending.Add(problem);
        }
        else if (problem.Warning)
        {
            _droppedWarnings++;
        }
        else
        {
            _droppedErrors++;
        }
    }

    private sealed record Pending(string Path, string Message, int? Line, bool Warning);
}
