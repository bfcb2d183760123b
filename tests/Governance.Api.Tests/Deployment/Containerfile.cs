using System.Text.Json;
using TestSupport.Paths;

namespace Governance.Api.Tests.Deployment;

/// <summary>The repository's <c>Containerfile</c>, read into its stages and instructions (continuations joined, comments dropped).</summary>
internal sealed class Containerfile
{
    private Containerfile(IReadOnlyList<ContainerStage> stages) => Stages = stages;

    /// <summary>The stages, in order; the last one is the image.</summary>
    public IReadOnlyList<ContainerStage> Stages { get; }

    /// <summary>The first stage: the one that publishes.</summary>
    public ContainerStage Build => Stages[0];

    /// <summary>The last stage: the image that runs.</summary>
    public ContainerStage Final => Stages[^1];

    /// <summary>The Containerfile at the repository's root.</summary>
    public static Containerfile Load() => Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "Containerfile")));

    private static Containerfile Parse(string text)
    {
        var stages = new List<ContainerStage>();
        var logical = "";
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (line.TrimStart().StartsWith('#'))
            {
                continue;
            }
            if (line.EndsWith('\\'))
            {
                logical += line[..^1] + " ";
                continue;
            }
            logical += line;
            if (logical.Trim() is { Length: > 0 } instruction)
            {
                var space = instruction.IndexOf(' ', StringComparison.Ordinal);
                var keyword = instruction[..space].ToUpperInvariant();
                var arguments = instruction[(space + 1)..].Trim();
                if (keyword == "FROM")
                {
                    var parts = arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                    stages.Add(new ContainerStage(parts[0], parts.Length == 3 ? parts[2] : null, new List<ContainerInstruction>()));
                }
                else
                {
                    ((List<ContainerInstruction>)stages[^1].Instructions).Add(new ContainerInstruction(keyword, arguments));
                }
            }
            logical = "";
        }
        return new Containerfile(stages);
    }
}

/// <summary>One stage of a <see cref="Containerfile"/>.</summary>
internal sealed record ContainerStage(string BaseImage, string? Name, IReadOnlyList<ContainerInstruction> Instructions)
{
    /// <summary>The arguments of every <paramref name="keyword"/> instruction, in order.</summary>
    public IReadOnlyList<string> All(string keyword) => [.. Instructions.Where(i => i.Keyword == keyword).Select(i => i.Arguments)];

    /// <summary>The variables the stage's ENV instructions set (<c>NAME=value</c> pairs, unquoted).</summary>
    public IReadOnlyDictionary<string, string> Environment
        => All("ENV").SelectMany(e => e.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Select(pair => pair.Split('=', 2))
            .ToDictionary(pair => pair[0], pair => pair[1]);

    /// <summary>The exec-form ENTRYPOINT.</summary>
    public IReadOnlyList<string> Entrypoint => JsonSerializer.Deserialize<string[]>(All("ENTRYPOINT").Single())!;

    /// <summary>The exec-form command of the HEALTHCHECK (after its options and <c>CMD</c>).</summary>
    public IReadOnlyList<string> HealthCheckCommand
    {
        get
        {
            var check = All("HEALTHCHECK").Single();
            return JsonSerializer.Deserialize<string[]>(check[(check.IndexOf("CMD ", StringComparison.Ordinal) + 4)..])!;
        }
    }

    /// <summary>The WORKDIR the stage ends with.</summary>
    public string WorkingDirectory => All("WORKDIR")[^1];
}

/// <summary>One instruction: its keyword, upper case, and the rest of its (joined) line.</summary>
internal sealed record ContainerInstruction(string Keyword, string Arguments);
