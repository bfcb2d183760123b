using Governance.Core.Results;

namespace Governance.Core.Workflow;

/// <summary>
/// The one rule for the comment of an approval, denial, cancellation or revocation: stored on the record and twice in
/// the audit log (the event and its after-state), so it is bounded as the columns are.
/// </summary>
public static class DecisionComment
{
    /// <summary>The longest comment, in characters; the columns that hold one have this length.</summary>
    public const int MaxLength = 4000;

    /// <summary>Why <paramref name="comment"/> cannot be recorded (as <see cref="FreeText"/> says), naming the <c>comment</c> field; null when it can.</summary>
    public static GovernanceError? WhyInvalid(string? comment)
    {
        if (comment is null)
        {
            return null;
        }
        return FreeText.Problem(comment, MaxLength) is { } problem ? GovernanceError.Invalid("comment", problem) : null;
    }
}
