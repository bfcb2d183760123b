namespace Governance.Cli.Commands;

/// <summary>How <c>iamgov drift</c> prints its report.</summary>
internal enum DriftFormat
{
    /// <summary>Two lines per finding, then the access delta, for people.</summary>
    Text,

    /// <summary>The report's JSON (<c>{"findings":[{"kind","principal","severity","detail"}],…}</c>), for CI and for a later <c>--previous</c>.</summary>
    Json,

    /// <summary>Markdown, for a pull-request comment.</summary>
    Markdown,

    /// <summary>One self-contained HTML file.</summary>
    Html,
}
