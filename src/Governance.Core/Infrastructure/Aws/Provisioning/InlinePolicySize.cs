namespace Governance.Core.Infrastructure.Aws.Provisioning;

/// <summary>The size of inline policies as IAM counts it against its quotas.</summary>
public static class InlinePolicySize
{
    /// <summary>IAM's quota on the total of a role's inline policy documents.</summary>
    public const int RoleQuota = 10_240;

    /// <summary>
    /// The characters of a document that count: IAM does not count white space (the IAM quotas page; GetAccountSummary
    /// gives the quotas "in non-whitespace characters").
    /// </summary>
    public static int Of(string document)
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
