using Governance.Api.Auth;
using Governance.Api.Problems;
using Governance.Core.Identity;
using Governance.Core.Infrastructure.Data;
using Governance.Core.Results;
using Governance.Core.Workflow.Requests;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Governance.Api.Console.Pages.Requests;

/// <summary>
/// One access request: its facts, the preview as it stands now, its approvals, the requester's history, and the
/// approve, deny and cancel forms for those the rules let decide. Seen by its requester and by approvers and admins;
/// another engineer's request is not found.
/// </summary>
public sealed class RequestDetailModel(
    GovernanceDbContext db, RequestPreviewer previews, AccessRequestService requests, IAuthorizationService authorization, TimeProvider time,
    ILogger<RequestDetailModel> logger) : PageModel
{
    /// <summary>The request.</summary>
    public AccessRequest AccessRequest { get; private set; } = null!;

    /// <summary>Its preview and approvals as they stand now (pending) or as decided.</summary>
    public RequestReview Review { get; private set; } = null!;

    /// <summary>The requester's other requests and grants.</summary>
    public RequesterHistory History { get; private set; } = null!;

    /// <summary>The time the page was computed at.</summary>
    public DateTimeOffset Now { get; private set; }

    /// <summary>True when the signed-in person approves or administers, so that the decision forms concern them.</summary>
    public bool IsDecider { get; private set; }

    /// <summary>Why the signed-in person may not approve or deny this request (their own); null when they may.</summary>
    public string? WhyNotDecide { get; private set; }

    /// <summary>Why they may not approve it (their own, or approved by them already); null when they may.</summary>
    public string? WhyNotApprove { get; private set; }

    /// <summary>True when they may cancel it: theirs, or they administer.</summary>
    public bool CanCancel { get; private set; }

    /// <summary>The preview version the approve form carries: the one shown.</summary>
    [BindProperty]
    public string? PreviewVersion { get; set; }

    /// <summary>The comment typed in the form posted.</summary>
    [BindProperty]
    public string? Comment { get; set; }

    /// <summary>The form whose post was refused (<c>approve</c>, <c>deny</c>, <c>cancel</c>), to show the refusal beside it.</summary>
    public string? RefusedForm { get; private set; }

    /// <summary>Why the decision just posted was not recorded, in a person's words.</summary>
    public string? Refusal { get; private set; }

    /// <summary>What is wrong with the comment posted.</summary>
    public string? CommentError { get; private set; }

    /// <summary>The outcome of the last decision, shown once after its redirect.</summary>
    [TempData]
    public string? StatusMessage { get; set; }

    /// <summary>Shows the request.</summary>
    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
        => await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    /// <summary>Approves the preview the form carries.</summary>
    public Task<IActionResult> OnPostApproveAsync(Guid id, CancellationToken cancellationToken)
        => DecideAsync(id, "approve", decides: true, (actor, authorize) =>
            requests.ApproveAsync(actor, id, PreviewVersion, Comment, authorize, cancellationToken), cancellationToken);

    /// <summary>Denies the request.</summary>
    public Task<IActionResult> OnPostDenyAsync(Guid id, CancellationToken cancellationToken)
        => DecideAsync(id, "deny", decides: true, (actor, authorize) =>
            requests.DenyAsync(actor, id, Comment, authorize, cancellationToken), cancellationToken);

    /// <summary>Cancels the request (its requester, or an admin).</summary>
    public Task<IActionResult> OnPostCancelAsync(Guid id, CancellationToken cancellationToken)
        => DecideAsync(id, "cancel", decides: false, (actor, authorize) =>
            requests.CancelAsync(actor, id, Comment, authorize, cancellationToken), cancellationToken);

    /// <summary>
    /// Takes the decision through the same service and resource rules as the JSON API, then redirects to the request
    /// with the outcome; a refusal is shown on the request as it now stands, never swallowed.
    /// </summary>
    private async Task<IActionResult> DecideAsync(Guid id, string form, bool decides,
        Func<Actor, Func<AccessRequest, Task<GovernanceError?>>, Task<Outcome<AccessRequest>>> decide, CancellationToken cancellationToken)
    {
        if (decides && !(await authorization.AuthorizeAsync(User, AuthorizationPolicies.ConsoleDecider)).Succeeded)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }
        Comment = string.IsNullOrWhiteSpace(Comment) ? null : Comment.Trim();
        var actor = User.ToActor();
        var outcome = await decide(actor, RequestAccessRules.ForDecision(authorization, User, decides));
        if (outcome.Success)
        {
            logger.RequestDecided(id, form, actor.Id, outcome.Value.Status);
            StatusMessage = Outcome(form, outcome.Value);
            return RedirectToPage(new { id });
        }
        var error = outcome.Error;
        logger.OperationRefused(form, error.Code);
        if (error.Kind == GovernanceErrorKind.NotFound || !await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        RefusedForm = form;
        if (error.Fields?.TryGetValue("comment", out var problems) == true)
        {
            CommentError = $"The comment {string.Join("; ", problems)}.";
        }
        else
        {
            Refusal = InWords(error);
        }
        var page = Page();
        page.StatusCode = error.ToProblem().StatusCode;
        return page;
    }

    /// <summary>Reads the request and what the page shows of it; false when it does not exist or is not the person's to see.</summary>
    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var request = await db.AccessRequests.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (request is null || !await RequestAccessRules.CanViewAsync(authorization, User, request))
        {
            return false;
        }
        AccessRequest = request;
        Now = time.GetUtcNow();
        Review = await previews.ReviewAsync(request, cancellationToken);
        PreviewVersion = Review.PreviewVersion;
        History = await RequesterHistory.LoadAsync(db, request.RequesterId, request.Id, cancellationToken);
        IsDecider = (await authorization.AuthorizeAsync(User, AuthorizationPolicies.ConsoleDecider)).Succeeded;
        var actor = User.ToActor();
        WhyNotDecide = (await RequestAccessRules.WhyNotDecideAsync(authorization, User, request))?.Detail;
        // When the risk rose, the approvals given so far stop counting at the next decision (RequestReview shows them
        // so already), and their approvers may approve again.
        WhyNotApprove = WhyNotDecide ?? (Review.RiskRose is null ? RequestDecisionRules.WhyNotApprove(request, actor.Id)?.Detail : null);
        CanCancel = RequestDecisionRules.WhyNotCancel(request, actor) is null;
        return true;
    }

    private static string Outcome(string form, AccessRequest request) => form switch
    {
        "approve" when request.Status == AccessRequestStatus.Approved =>
            "You approved the request. It is approved and its grant is active.",
        "approve" => $"You approved the request. It has {request.CountingApprovals} of the {request.RequiredApprovals} approvals it needs.",
        "deny" => "You denied the request.",
        _ => "You cancelled the request.",
    };

    /// <summary>A refusal in a person's words: the two conflicts an approver meets by name, any other as the rule says it.</summary>
    private string InWords(GovernanceError error) => error.Code switch
    {
        ProblemCodes.PreviewChanged when AccessRequest.Status == AccessRequestStatus.Pending =>
            "The access this request adds changed since you opened it; review it again. Nothing was recorded: the approve form now carries the new preview.",
        ProblemCodes.PreviewChanged =>
            $"The access this request adds changed since you opened it, and the approval rules now refuse it: {AccessRequest.DecisionComment}.",
        ProblemCodes.RequestNotPending =>
            $"Someone else decided this request already: it is {AccessRequest.Status}{(AccessRequest.DecidedBy is { } by ? $" (by {by})" : "")}. Your decision was not recorded.",
        _ => Sentence(error.Detail),
    };

    private static string Sentence(string detail) => detail.Length == 0 ? detail : char.ToUpperInvariant(detail[0]) + detail[1..] + ".";
}
