using System.Collections.Immutable;
using PolicyEngine.Evaluation;

namespace Governance.Core.Accounts.Questions;

/// <summary>The answer to an <see cref="ObjectAccessQuestion"/>: each call with its own answer, and what the composition rests on.</summary>
/// <param name="Question">The question answered.</param>
/// <param name="Calls">Each call the read or write makes, in the order S3 makes them.</param>
/// <param name="Notes">What limits the composition itself: an encryption key that cannot be resolved, an unknown default encryption.</param>
public sealed record ObjectAccessAnswer(ObjectAccessQuestion Question, ImmutableArray<ObjectAccessCall> Calls, ImmutableArray<string> Notes)
{
    /// <summary><see cref="Decision.Allow"/> only when every call is allowed; otherwise the decision of the first call that is not.</summary>
    public Decision Decision => Calls.FirstOrDefault(static c => c.Answer.Result.Decision != Decision.Allow)?.Answer.Result.Decision ?? Decision.Allow;
}
