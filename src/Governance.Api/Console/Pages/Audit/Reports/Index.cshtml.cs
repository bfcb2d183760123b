using Governance.Api.Auth;
using Governance.Api.Questions;
using Governance.Core.Drift;
using Governance.Core.Drift.Records;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Governance.Api.Console.Pages.Audit.Reports;

/// <summary>
/// The drift audit's reports, newest first, as <c>GET /v1/audit/reports</c> lists them, each linking to its HTML report;
/// admins may run the audit now (<see cref="DriftAuditRunner"/>, as the nightly job and <c>POST /v1/audit/reports</c> do).
/// </summary>
public sealed class IndexModel(DriftReportRepository reports, DriftAuditRunner runner, IAuthorizationService authorization) : PageModel
{
    /// <summary>The run just made, after the redirect that follows it.</summary>
    [BindProperty(SupportsGet = true)]
    public Guid? Ran { get; set; }

    /// <summary>The latest reports, newest first.</summary>
    public IReadOnlyList<DriftReportSummary> Reports { get; private set; } = [];

    /// <summary>Why the run was refused, for people.</summary>
    public string? Refusal { get; private set; }

    /// <summary>True when the person may run the audit (admins).</summary>
    public bool CanRun { get; private set; }

    /// <summary>Lists the reports.</summary>
    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    /// <summary>Runs the drift audit now, for an admin; then back to the list, which names the new report.</summary>
    public async Task<IActionResult> OnPostRunAsync(CancellationToken cancellationToken)
    {
        if (!await IsAdminAsync())
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }
        var run = await runner.RunNowAsync(User.SubjectId(), cancellationToken);
        if (!run.Success)
        {
            Refusal = $"The drift audit did not run: {run.Error.Detail}.";
            await LoadAsync(cancellationToken);
            var page = Page();
            page.StatusCode = StatusCodes.Status409Conflict;
            return page;
        }
        return RedirectToPage(new { ran = run.Value.Id });
    }

    /// <summary>How many more (or fewer) findings <paramref name="index"/>'s run had than the run before it; null for the oldest listed.</summary>
    public int? ChangeAt(int index) => index + 1 < Reports.Count ? Reports[index].Findings - Reports[index + 1].Findings : null;

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        CanRun = await IsAdminAsync();
        Reports = await reports.ListAsync(DriftReportDocument.HistoryLength, cancellationToken);
    }

    private async Task<bool> IsAdminAsync() => (await authorization.AuthorizeAsync(User, AuthorizationPolicies.ConsoleAdmin)).Succeeded;
}
