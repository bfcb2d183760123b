namespace Governance.Core.Accounts;

/// <summary>
/// AWS's quotas on policy documents, in the characters IAM counts (white space is not counted: the IAM quotas page, and
/// <c>GetAccountSummary</c> gives them "in non-whitespace characters"). The one owner of these numbers here: documents
/// from outside (simulate cases) are refused past them, and grants are provisioned within them.
/// </summary>
public static class PolicySizeQuotas
{
    /// <summary>A customer managed policy (and so a permissions boundary).</summary>
    public const int ManagedPolicy = 6_144;

    /// <summary>All inline policies of one role together: the largest identity-policy quota.</summary>
    public const int RoleInlinePolicies = 10_240;

    /// <summary>All inline policies of one user together.</summary>
    public const int UserInlinePolicies = 2_048;

    /// <summary>All inline policies of one group together.</summary>
    public const int GroupInlinePolicies = 5_120;

    /// <summary>A role's trust policy, by default (adjustable to 4,096).</summary>
    public const int TrustPolicy = 2_048;

    /// <summary>A service or resource control policy (AWS Organizations).</summary>
    public const int OrganizationPolicy = 5_120;

    /// <summary>An inline session policy passed to <c>AssumeRole</c> (plain text).</summary>
    public const int SessionPolicy = 2_048;

    /// <summary>A resource policy: the largest of AWS's, a KMS key policy (32 KB); an S3 bucket policy has 20 KB, an SQS queue policy 8 KB.</summary>
    public const int ResourcePolicy = 32_768;

    /// <summary>The characters of a document that count against the quotas: all but white space.</summary>
    public static int Count(string document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var count = 0;
        foreach (var c in document)
        {
            if (!char.IsWhiteSpace(c))
            {
                count++;
            }
        }
        return count;
    }
}
