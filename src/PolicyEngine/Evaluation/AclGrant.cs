namespace PolicyEngine.Evaluation;

/// <summary>One grant of a bucket's or an object's S3 access control list.</summary>
/// <remarks>
/// ACLs store an account as its canonical user id; the engine matches accounts by their 12-digit id, so the caller
/// resolves canonical ids first. https://docs.aws.amazon.com/AmazonS3/latest/userguide/acl-overview.html
/// </remarks>
public sealed record AclGrant
{
    private AclGrant(AclGrantee grantee, string? account, AclPermission permission)
    {
        Grantee = grantee;
        Account = account;
        Permission = permission;
    }

    /// <summary>Whom the grant names.</summary>
    public AclGrantee Grantee { get; }

    /// <summary>The 12-digit account id when <see cref="Grantee"/> is <see cref="AclGrantee.Account"/>; otherwise null.</summary>
    public string? Account { get; }

    /// <summary>What the grant allows.</summary>
    public AclPermission Permission { get; }

    /// <summary>True for grants to <c>AllUsers</c> or <c>AuthenticatedUsers</c>, which S3 counts as public.</summary>
    /// <remarks>https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html#public-acls</remarks>
    public bool IsPublic => Grantee != AclGrantee.Account;

    /// <summary>A grant to a group.</summary>
    public static AclGrant ToGroup(AclGrantee group, AclPermission permission)
    {
        if (group == AclGrantee.Account || !Enum.IsDefined(group))
        {
            throw new ArgumentOutOfRangeException(nameof(group), "a group grant names AllUsers or AuthenticatedUsers");
        }
        return new(group, null, permission);
    }

    /// <summary>A grant to the account <paramref name="accountId"/> (12 digits).</summary>
    public static AclGrant ToAccount(string accountId, AclPermission permission)
    {
        ArgumentNullException.ThrowIfNull(accountId);
        if (accountId.Length != 12 || !accountId.All(char.IsAsciiDigit))
        {
            throw new ArgumentException("an account id is 12 digits", nameof(accountId));
        }
        return new(AclGrantee.Account, accountId, permission);
    }
}
