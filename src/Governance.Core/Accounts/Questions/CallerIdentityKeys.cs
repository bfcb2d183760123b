using System.Collections.Frozen;

namespace Governance.Core.Accounts.Questions;

/// <summary>
/// The condition keys that say who the caller is: a grant that needs a value of one the caller does not have never
/// applies to it, whereas any other key a grant needs (MFA, TLS, <c>sts:ExternalId</c>, the source network) is one a
/// caller can arrange. The one list read by the exposure audit and by the role-assumer question.
/// </summary>
internal static class CallerIdentityKeys
{
    private static readonly FrozenSet<string> Keys = new[]
    {
        "aws:PrincipalOrgID", "aws:PrincipalOrgPaths", "aws:PrincipalAccount", "aws:PrincipalArn", "aws:PrincipalType",
        "aws:PrincipalIsAWSService", "aws:PrincipalServiceName", "aws:userid", "aws:username", "aws:SourceAccount",
        "aws:SourceOwner", "aws:SourceArn", "aws:SourceOrgID", "aws:SourceOrgPaths", "kms:CallerAccount",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>True when <paramref name="key"/> says who the caller is.</summary>
    public static bool Contains(string key) => Keys.Contains(key);
}
