using PolicyEngine.Model;

namespace PolicyEngine.Matching;

/// <summary>A statement's Principal or NotPrincipal, compiled.</summary>
/// <remarks>
/// <para>NotPrincipal exempts a caller only when every identity AWS checks for it is listed: "AWS might validate the
/// account first and then the user. If an assumed-role user ... is being evaluated, AWS might validate the account first,
/// then the role, and then the assumed-role user", which "is identified by the role session name"
/// (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notprincipal.html). So a user needs
/// the account and the user's ARN; a session needs the account, the role's ARN and that session's ARN; and a principal
/// with a permissions boundary is never exempt.</para>
/// <para>A role ARN as the caller stands for a session whose name is not given; no listed session ARN names it (AWS: a
/// NotPrincipal "cannot use a wildcard (*) to mean 'all sessions'"), so it is never exempt.</para>
/// </remarks>
internal sealed class PrincipalMatcher
{
    private readonly PrincipalPattern[] _patterns;
    private readonly bool _isNot;
    private readonly bool _callerHasBoundary;
    private readonly bool _accountMeansRoot;

    private PrincipalMatcher(PrincipalPattern[] patterns, bool isNot, bool callerHasBoundary, bool accountMeansRoot)
    {
        _patterns = patterns;
        _isNot = isNot;
        _callerHasBoundary = callerHasBoundary;
        _accountMeansRoot = accountMeansRoot;
    }

    /// <summary>Names nobody: a resource-policy statement without a Principal element grants nothing.</summary>
    public static PrincipalMatcher Nobody { get; } = new([], isNot: false, callerHasBoundary: false, accountMeansRoot: false);

    /// <summary>Compiles <paramref name="spec"/>; <paramref name="callerHasBoundary"/> matters only for NotPrincipal.</summary>
    /// <param name="spec">The Principal or NotPrincipal element.</param>
    /// <param name="callerHasBoundary">Whether the caller has a permissions boundary.</param>
    /// <param name="accountMeansRoot">
    /// A Principal entry naming an account names its root user only, as in VPC endpoint policies: "If you specify a
    /// principal in the format "AWS": "account_id", access is granted to the AWS account root user only, not all users
    /// and roles for the account" (https://docs.aws.amazon.com/vpc/latest/privatelink/vpc-endpoints-access.html).
    /// </param>
    public static PrincipalMatcher Create(PrincipalSpec spec, bool callerHasBoundary, bool accountMeansRoot = false)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var patterns = spec.IsWildcard
            ? [PrincipalPattern.Create(new PrincipalEntry(PrincipalType.Aws, "*", spec.Location))]
            : spec.Entries.Select(PrincipalPattern.Create).ToArray();
        return new PrincipalMatcher(patterns, spec.IsNot, callerHasBoundary, accountMeansRoot);
    }

    /// <summary>How the element names <paramref name="caller"/>: the union over its entries; NotPrincipal gives Direct or None.</summary>
    public PrincipalMatch Match(CallerIdentity caller)
    {
        var found = PrincipalMatch.None;
        foreach (var pattern in _patterns)
        {
            found |= pattern.Match(caller);
        }
        if (!_isNot)
        {
            return _accountMeansRoot && caller.Kind != CallerKind.Root ? found & ~PrincipalMatch.Account : found;
        }
        return IsExempt(caller, found) ? PrincipalMatch.None : PrincipalMatch.Direct;
    }

    private bool IsExempt(CallerIdentity caller, PrincipalMatch found)
    {
        if ((found & PrincipalMatch.Direct) != 0 && _patterns.Any(static p => p.IsEveryone))
        {
            return true;
        }
        if (_callerHasBoundary && caller.Kind is CallerKind.User or CallerKind.Role or CallerKind.AssumedRole)
        {
            // AWS: a NotPrincipal Deny always denies a principal that has a permissions boundary.
            return false;
        }
        var accountListed = (found & PrincipalMatch.Account) != 0;
        return caller.Kind switch
        {
            CallerKind.Root => accountListed,
            CallerKind.User or CallerKind.FederatedUser => accountListed && (found & PrincipalMatch.Direct) != 0,
            // Direct for a session is its own session ARN; Role is its role's ARN. Both, and the account.
            CallerKind.AssumedRole => accountListed && (found & PrincipalMatch.Role) != 0 && (found & PrincipalMatch.Direct) != 0,
            // An unnamed session: no session ARN in the element can name it.
            CallerKind.Role => false,
            _ => (found & PrincipalMatch.Direct) != 0,
        };
    }
}
