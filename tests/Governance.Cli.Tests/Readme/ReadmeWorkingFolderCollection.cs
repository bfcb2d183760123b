namespace Governance.Cli.Tests.Readme;

/// <summary>Tests that change the process's working directory run alone: it belongs to the process.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ReadmeWorkingFolderCollection
{
    /// <summary>The collection's name.</summary>
    public const string Name = "working directory";
}
