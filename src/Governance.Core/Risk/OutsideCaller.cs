using PolicyEngine.Evaluation;

namespace Governance.Core.Risk;

/// <summary>A caller the exposure audit asks a resource's policy about, with the request keys AWS would give its requests.</summary>
/// <param name="Arn">The caller's ARN; for an account or "anyone", a stand-in role of that account.</param>
/// <param name="AccountId">Its account.</param>
/// <param name="Label">How findings name it, such as "anyone outside the organisation" or "account 444455556666".</param>
/// <param name="Reach">Whom it stands for.</param>
/// <param name="Context">The request keys its requests carry; any other key a grant needs is up to the caller.</param>
internal sealed record OutsideCaller(string Arn, string AccountId, string Label, OutsideReach Reach, RequestContext Context);
