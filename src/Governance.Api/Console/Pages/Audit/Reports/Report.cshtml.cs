using Governance.Api.Protection;
using Governance.Api.Questions;
using Governance.Core.Drift.Records;
using Governance.Core.Reports;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Governance.Api.Console.Pages.Audit.Reports;

/// <summary>
/// One drift report as its self-contained HTML document, the same <c>GET /v1/audit/reports/{id}?format=html</c> serves,
/// for a console session (the <c>/v1</c> addresses take bearer tokens only). Approvers and admins (the folder's rule).
/// </summary>
[ReportContentSecurityPolicy]
public sealed class ReportModel(DriftReportRepository reports) : PageModel
{
    /// <summary>The report's id.</summary>
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    /// <summary>The report's HTML; 404 for an unknown id.</summary>
    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
        => await DriftReportDocument.RenderAsync(reports, Id, ReportFormat.Html, cancellationToken) is { } html
            ? Content(html, ReportFormats.MediaType(ReportFormat.Html))
            : NotFound();
}
