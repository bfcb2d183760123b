using System.Globalization;
using Governance.Api.Auth;
using Governance.Api.Console.Pages.CanI;
using Governance.Core.OrganizationCopy;
using Governance.Core.Policies;
using Governance.Core.Policies.PermissionSets;
using Governance.Core.Results;
using Governance.Core.Workflow.Requests;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Governance.Api.Console.Pages.RequestAccess;

/// <summary>
/// Request access: a permission set on resources for a target role, for some hours. "Preview" shows what it would add
/// and what approvals it would take without submitting (<see cref="AccessRequestService.PreviewAsync"/>); "Submit" sends
/// it as <c>POST /v1/access-requests</c> does (<see cref="AccessRequestService.CreateAsync"/>) and opens the request.
/// </summary>
public sealed class IndexModel(AccessRequestService requests, GovernancePolicies policies, OrganizationStore store, ILogger<IndexModel> logger)
    : PageModel
{
    /// <summary>The permission set's name.</summary>
    [BindProperty(SupportsGet = true)]
    public string? PermissionSet { get; set; }

    /// <summary>The resources, one ARN a line.</summary>
    [BindProperty]
    public string? Resources { get; set; }

    /// <summary>The target role: its ARN, as picked, or a name.</summary>
    [BindProperty(SupportsGet = true)]
    public string? TargetRole { get; set; }

    /// <summary>For how many hours, as typed.</summary>
    [BindProperty]
    public string? DurationHours { get; set; }

    /// <summary>Why the access is needed.</summary>
    [BindProperty]
    public string? Justification { get; set; }

    /// <summary>The catalogue's permission sets.</summary>
    public IReadOnlyList<PermissionSet> Sets => policies.PermissionSets.All;

    /// <summary>The roles a request may target, the person's own first.</summary>
    public IReadOnlyList<RoleChoice> Roles { get; private set; } = [];

    /// <summary>The preview, after "Preview".</summary>
    public SubmissionPreview? Preview { get; private set; }

    /// <summary>What is wrong with each input, by its name (<c>PermissionSet</c>, <c>Resources</c>, …).</summary>
    public IReadOnlyDictionary<string, string> FieldErrors { get; private set; } = new Dictionary<string, string>();

    /// <summary>A refusal that names no input (the role may not request the set, the request would add nothing, …).</summary>
    public string? Problem { get; private set; }

    /// <summary>True when <see cref="Problem"/> is a limit to wait out rather than an error.</summary>
    public bool ProblemIsLimit { get; private set; }

    /// <summary>Shows the form.</summary>
    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadRolesAsync(cancellationToken);

    /// <summary>Previews the request as submitting it would, without submitting.</summary>
    public async Task<IActionResult> OnPostPreviewAsync(CancellationToken cancellationToken)
    {
        await LoadRolesAsync(cancellationToken);
        if (Command() is not { } command)
        {
            return Refused();
        }
        var outcome = await requests.PreviewAsync(User.ToActor(), command, cancellationToken);
        if (!outcome.Success)
        {
            return Refused(outcome.Error);
        }
        Preview = outcome.Value;
        return Page();
    }

    /// <summary>Submits the request and opens it.</summary>
    public async Task<IActionResult> OnPostSubmitAsync(CancellationToken cancellationToken)
    {
        await LoadRolesAsync(cancellationToken);
        if (Command() is not { } command)
        {
            return Refused();
        }
        var actor = User.ToActor();
        var outcome = await requests.CreateAsync(actor, command, cancellationToken);
        if (!outcome.Success)
        {
            logger.OperationRefused("submit", outcome.Error.Code);
            return Refused(outcome.Error);
        }
        var request = outcome.Value!;
        logger.RequestSubmitted(request.Id, request.PermissionSet, actor.Id, request.Status);
        return Redirect($"/requests/{request.Id}");
    }

    private async Task LoadRolesAsync(CancellationToken cancellationToken)
    {
        var organization = await store.CurrentAsync(cancellationToken);
        Roles = RoleChoices.For(organization.Accounts.Principals, User.SubjectId());
    }

    /// <summary>The command the form makes, as the JSON API would receive it; null when the duration is not a number.</summary>
    private CreateAccessRequestCommand? Command()
    {
        int? hours = null;
        if (!string.IsNullOrWhiteSpace(DurationHours))
        {
            if (!int.TryParse(DurationHours.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
            {
                FieldErrors = new Dictionary<string, string> { [nameof(DurationHours)] = "Enter a whole number of hours." };
                return null;
            }
            hours = parsed;
        }
        var resources = (Resources ?? "").Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        return new CreateAccessRequestCommand(PermissionSet, resources, TargetRole, Justification, hours);
    }

    /// <summary>The form again, with <paramref name="error"/> under its inputs or as a notice.</summary>
    private PageResult Refused(GovernanceError? error = null)
    {
        if (error is not null)
        {
            (FieldErrors, Problem) = SubmissionErrors.ByInput(error);
            ProblemIsLimit = error.Kind == GovernanceErrorKind.TooManyRequests;
        }
        var page = Page();
        page.StatusCode = error?.Kind switch
        {
            GovernanceErrorKind.Forbidden => StatusCodes.Status403Forbidden,
            GovernanceErrorKind.Unprocessable => StatusCodes.Status422UnprocessableEntity,
            GovernanceErrorKind.TooManyRequests => StatusCodes.Status429TooManyRequests,
            _ => StatusCodes.Status400BadRequest,
        };
        return page;
    }
}
