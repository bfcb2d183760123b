using PolicyEngine.Model;

namespace PolicyEngine.Matching;

/// <summary>One entry of a Principal element, read once into the form it is matched in.</summary>
/// <remarks>
/// AWS does not expand wildcards inside principal ARNs (only a whole <c>*</c>), so every comparison is exact.
/// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html
/// </remarks>
internal sealed class PrincipalPattern
{
    private readonly PatternKind _kind;
    private readonly string _value;
    private readonly string _account;
    private readonly string _roleName;

    private PrincipalPattern(PatternKind kind, string value, string account, string roleName)
    {
        _kind = kind;
        _value = value;
        _account = account;
        _roleName = roleName;
    }

    private enum PatternKind
    {
        Everyone,
        Account,
        RoleArn,
        ExactArn,
        Service,
        Other,
    }

    /// <summary>True for <c>*</c>.</summary>
    public bool IsEveryone => _kind == PatternKind.Everyone;

    /// <summary>Reads one entry.</summary>
    public static PrincipalPattern Create(PrincipalEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var value = entry.Value;
        if (entry.Type != PrincipalType.Aws)
        {
            return new PrincipalPattern(
                value == "*" ? PatternKind.Everyone : entry.Type == PrincipalType.Service ? PatternKind.Service : PatternKind.Other,
                value, string.Empty, string.Empty);
        }
        if (value == "*")
        {
            return new PrincipalPattern(PatternKind.Everyone, value, string.Empty, string.Empty);
        }
        if (value.Length == 12 && value.All(char.IsAsciiDigit))
        {
            return new PrincipalPattern(PatternKind.Account, value, value, string.Empty);
        }
        var caller = CallerIdentity.Parse(value);
        return caller.Kind switch
        {
            CallerKind.Root => new PrincipalPattern(PatternKind.Account, value, caller.Account, string.Empty),
            CallerKind.Role => new PrincipalPattern(PatternKind.RoleArn, value, caller.Account, caller.Name),
            _ => new PrincipalPattern(PatternKind.ExactArn, value, caller.Account, string.Empty),
        };
    }

    /// <summary>How this entry names <paramref name="caller"/>.</summary>
    public PrincipalMatch Match(CallerIdentity caller)
    {
        switch (_kind)
        {
            case PatternKind.Everyone:
                return PrincipalMatch.Direct;
            case PatternKind.Account:
                return caller.Account.Length > 0 && string.Equals(caller.Account, _account, StringComparison.Ordinal)
                    ? PrincipalMatch.Account
                    : PrincipalMatch.None;
            case PatternKind.RoleArn:
                if (caller.Kind == CallerKind.Role)
                {
                    return string.Equals(caller.Arn, _value, StringComparison.Ordinal) ? PrincipalMatch.Role : PrincipalMatch.None;
                }
                // An STS session ARN drops the role's path, so a session matches its role by account and name.
                return caller.Kind == CallerKind.AssumedRole
                    && string.Equals(caller.Account, _account, StringComparison.Ordinal)
                    && string.Equals(caller.Name, _roleName, StringComparison.Ordinal)
                    ? PrincipalMatch.Role
                    : PrincipalMatch.None;
            case PatternKind.Service:
                return caller.Kind == CallerKind.Service && string.Equals(caller.Arn, _value, StringComparison.OrdinalIgnoreCase)
                    ? PrincipalMatch.Direct
                    : PrincipalMatch.None;
            default:
                return string.Equals(caller.Arn, _value, StringComparison.Ordinal) ? PrincipalMatch.Direct : PrincipalMatch.None;
        }
    }
}
