namespace Governance.Cli.Reports;

/// <summary>The formats <c>iamgov audit</c> writes.</summary>
internal enum AuditFormat
{
    /// <summary>Plain text for a terminal.</summary>
    Text,

    /// <summary>The stable JSON document described in docs/audit-json.md.</summary>
    Json,

    /// <summary>Markdown, for a pull request or a wiki.</summary>
    Markdown,

    /// <summary>One self-contained HTML page with a chart.</summary>
    Html,
}
