namespace PolicyEngine.Matching;

/// <summary>How a Principal element names the caller; the evaluation rules differ by kind.</summary>
/// <remarks>https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic_policy-eval-basics.html</remarks>
[Flags]
internal enum PrincipalMatch
{
    /// <summary>The caller is not named.</summary>
    None = 0,

    /// <summary>
    /// The caller itself: its user ARN, its session ARN, <c>*</c>, or a service/federated principal. Within one account
    /// such a grant is enough on its own; boundaries and session policies do not limit it.
    /// </summary>
    Direct = 1,

    /// <summary>The role of a calling session, by role ARN: a grant limited by the boundary and the session policy.</summary>
    Role = 2,

    /// <summary>The caller's account (<c>:root</c> or the bare id): delegates to the account's identity policies.</summary>
    Account = 4,
}
