namespace Governance.Core.Reports;

/// <summary>The formats every report is rendered in: the risk audit (<c>iamgov audit</c>) and the drift audit (<c>iamgov drift</c>, <c>GET /v1/audit/reports/{id}</c>).</summary>
/// <remarks>Spelled in lower case on the command line and in the API; <see cref="ReportFormats"/> reads and names them.</remarks>
public enum ReportFormat
{
    /// <summary>Plain text for a terminal.</summary>
    Text,

    /// <summary>The report's stable JSON document (docs/audit-json.md, docs/cli-json.md); for scripts, CI and a later <c>--previous</c>.</summary>
    Json,

    /// <summary>Markdown, for a pull request or a wiki.</summary>
    Markdown,

    /// <summary>One self-contained HTML page with a chart.</summary>
    Html,
}
