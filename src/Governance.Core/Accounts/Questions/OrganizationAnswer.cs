using System.Collections.Immutable;
using PolicyEngine.Evaluation;

namespace Governance.Core.Accounts.Questions;

/// <summary>An answer computed from an organisation snapshot: the engine's result, the layer that decided it, and what the answer rests on.</summary>
/// <param name="Result">The decision and its explanation, statement by statement.</param>
/// <param name="Summary">
/// One line naming the layer that decided, such as "SCP `DataAllowList` attached to OU `Data` denies (Sid `X`, line 4)" or
/// "cross-account: the bucket policy of `lake-raw` does not grant 111122223333".
/// </param>
/// <param name="Notes">
/// What the answer was computed from when that limits it: resource policies unknown, a resource the snapshot does not
/// hold, a policy the answer depends on that did not parse.
/// </param>
/// <param name="CallerPoliciesKnown">
/// False when the snapshot does not hold the caller's own policies (an outside principal named by ARN): they were assumed
/// to allow, so an allow means "the rest of the picture allows", and <paramref name="Summary"/> says so.
/// </param>
public sealed record OrganizationAnswer(AuthorizationResult Result, string Summary, ImmutableArray<string> Notes, bool CallerPoliciesKnown = true);
