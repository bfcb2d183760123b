using Governance.Api.Auth;
using Governance.Api.Console.Pages.CanI;
using Governance.Api.Questions;
using Governance.Core.OrganizationCopy;
using Governance.Core.Results;
using Governance.Core.Telemetry;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Governance.Api.Console.Pages;

/// <summary>
/// "Can I…?": may a principal perform an action on a resource, or read or write an S3 object, now? Asked with a GET form
/// so that an answer is a link, and answered by <see cref="CanIQuestion"/>, as <c>GET /v1/can-i</c> answers it.
/// </summary>
public sealed class IndexModel(CurrentAuthorizer current, OrganizationStore store, GovernanceMetrics metrics) : PageModel
{
    /// <summary>The question asks for one call.</summary>
    public const string AskAction = "action";

    /// <summary>The question asks whether an object can be read.</summary>
    public const string AskRead = "read";

    /// <summary>The question asks whether an object can be written.</summary>
    public const string AskWrite = "write";

    /// <summary>The principal picked from <see cref="Roles"/>.</summary>
    [BindProperty(SupportsGet = true, Name = "principal")]
    public string? Principal { get; set; }

    /// <summary>Any other principal, by name or ARN; asked instead of <see cref="Principal"/> when given.</summary>
    [BindProperty(SupportsGet = true, Name = "principalArn")]
    public string? PrincipalArn { get; set; }

    /// <summary>What is asked: <see cref="AskAction"/>, <see cref="AskRead"/> or <see cref="AskWrite"/>; null before the first question.</summary>
    [BindProperty(SupportsGet = true, Name = "ask")]
    public string? Ask { get; set; }

    /// <summary>The action, such as <c>s3:GetObject</c>.</summary>
    [BindProperty(SupportsGet = true, Name = "action")]
    public string? Action { get; set; }

    /// <summary>The resource ARN.</summary>
    [BindProperty(SupportsGet = true, Name = "resource")]
    public string? Resource { get; set; }

    /// <summary>The object, <c>s3://BUCKET/KEY</c>, for a read or write question.</summary>
    [BindProperty(SupportsGet = true, Name = "object")]
    public string? ObjectUrl { get; set; }

    /// <summary>Request context keys, one <c>KEY=VALUE</c> a line.</summary>
    [BindProperty(SupportsGet = true, Name = "context")]
    public string? Context { get; set; }

    /// <summary>The roles offered, the person's own first.</summary>
    public IReadOnlyList<RoleChoice> Roles { get; private set; } = [];

    /// <summary>The answer, once a question was asked and could be answered.</summary>
    public CanIAnswer? Answer { get; private set; }

    /// <summary>What is wrong with each input, by input name (<c>principal</c>, <c>principalArn</c>, <c>action</c>, <c>resource</c>, <c>object</c>, <c>context</c>).</summary>
    public IReadOnlyDictionary<string, string> FieldErrors { get; private set; } = new Dictionary<string, string>();

    /// <summary>An error that names no input.</summary>
    public string? Problem { get; private set; }

    /// <summary>The principal asked about, as typed or picked.</summary>
    public string? Asked => string.IsNullOrWhiteSpace(PrincipalArn) ? Principal : PrincipalArn.Trim();

    /// <summary>Shows the form and, when a question was asked, its answer.</summary>
    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var organization = await store.CurrentAsync(cancellationToken);
        Roles = RoleChoices.For(organization.Accounts.Principals, User.SubjectId());
        Principal ??= Roles.Count > 0 ? Roles[0].Arn : null;
        if (Ask is null)
        {
            Ask = AskAction;
            return;
        }
        var objectUrl = ObjectUrl?.Trim() ?? "";
        var outcome = await CanIQuestion.AnswerAsync(Asked,
            Ask == AskAction ? Action?.Trim() : null, Ask == AskAction ? Resource?.Trim() : null,
            Ask == AskRead ? objectUrl : null, Ask == AskWrite ? objectUrl : null,
            [.. (Context ?? "").Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)],
            current, metrics, cancellationToken);
        if (outcome.Success)
        {
            Answer = outcome.Value;
            return;
        }
        Response.StatusCode = StatusCodes.Status400BadRequest;
        (FieldErrors, Problem) = ByInput(outcome.Error);
    }

    /// <summary>The question's errors under the inputs that carry them: the API's field names mapped to this form's.</summary>
    private (IReadOnlyDictionary<string, string> Fields, string? Problem) ByInput(GovernanceError error)
    {
        var principalInput = string.IsNullOrWhiteSpace(PrincipalArn) ? "principal" : "principalArn";
        if (error.Code == ProblemCodes.PrincipalNotFound)
        {
            return (new Dictionary<string, string> { [principalInput] = error.Detail }, null);
        }
        if (error.Fields is not { Count: > 0 } fields)
        {
            return (new Dictionary<string, string>(), error.Detail);
        }
        var byInput = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (field, messages) in fields)
        {
            var input = field switch
            {
                "principal" => principalInput,
                "read" or "write" => "object",
                _ => field,
            };
            byInput[input] = string.Join("; ", messages);
        }
        return (byInput, null);
    }
}
