namespace Governance.Core.Risk;

/// <summary>Who a probe of a resource policy stands for, which decides how a grant to it is reported.</summary>
internal enum OutsideReach
{
    /// <summary>Anyone: a principal of an account the policy does not name, in no organisation it names.</summary>
    Anyone,

    /// <summary>Any principal of an outside account the policy names (as root or bare id): that account's IAM decides which.</summary>
    Account,

    /// <summary>One outside user, role or session the policy names by ARN.</summary>
    Principal,

    /// <summary>Any principal of another organisation the policy names in <c>aws:PrincipalOrgID</c>.</summary>
    Organization,

    /// <summary>Any principal of another member account the policy names as root or bare id (for key delegation only).</summary>
    MemberAccount,

    /// <summary>An AWS service the policy names, acting for a resource of any account: the confused deputy.</summary>
    Service,
}
