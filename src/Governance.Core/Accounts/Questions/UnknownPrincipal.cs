using PolicyEngine.Model;

namespace Governance.Core.Accounts.Questions;

/// <summary>
/// A principal of an account whose IAM the snapshot does not hold, named by its ARN or its account id: an outside
/// principal named in a bucket or trust policy, say. Its own policies are unknown, so it is given one identity policy
/// that allows everything, named as an assumption: what is then decided is what the rest of the picture (the resource's
/// policy, the RCPs, and for a member account its SCPs) allows, which is how IAM Access Analyzer reports external access
/// (IAM/latest/UserGuide/access-analyzer-findings.html: a finding for each resource-based policy that grants a principal
/// outside the zone of trust).
/// </summary>
internal static class UnknownPrincipal
{
    /// <summary>The identity policy that stands for the unknown side: every action on every resource.</summary>
    private const string AssumedAllow = """{"Version":"2012-10-17","Statement":[{"Sid":"AssumedOwnSide","Effect":"Allow","Action":"*","Resource":"*"}]}""";

    /// <summary>
    /// The principal <paramref name="name"/> names: a 12-digit account id or <c>arn:…:iam::ID:root</c> (the account
    /// as a whole), <c>arn:…:iam::ID:role/…</c>, <c>arn:…:iam::ID:user/…</c>, or a role session
    /// <c>arn:…:sts::ID:assumed-role/ROLE/SESSION</c> (which stands for its role, as for principals the snapshot holds);
    /// null for anything else.
    /// </summary>
    public static ResolvedPrincipal? Parse(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        name = name.Trim();
        if (IsAccountId(name))
        {
            return Create(PrincipalKind.Account, name, $"arn:aws:iam::{name}:root", name);
        }
        if (!Arn.TryParse(name, out var arn) || !IsAccountId(arn.Account))
        {
            return null;
        }
        var resource = arn.Resource;
        return (arn.Service, resource) switch
        {
            ("iam", "root") => Create(PrincipalKind.Account, arn.Account, name, arn.Account),
            ("iam", _) when resource.StartsWith("role/", StringComparison.Ordinal) => Create(PrincipalKind.Role, LastSegment(resource), name, arn.Account),
            ("iam", _) when resource.StartsWith("user/", StringComparison.Ordinal) => Create(PrincipalKind.User, LastSegment(resource), name, arn.Account),
            ("sts", _) when resource.StartsWith("assumed-role/", StringComparison.Ordinal) && resource.Split('/') is [_, var role, ..] && role.Length > 0
                => Create(PrincipalKind.Role, role, $"arn:{arn.Partition}:iam::{arn.Account}:role/{role}", arn.Account),
            _ => null,
        };
    }

    /// <summary>The name of the assumed identity policy of an unknown principal of <paramref name="accountId"/>.</summary>
    public static string AssumedPolicyName(string accountId) => $"assumed: the policies of account {accountId} are unknown";

    private static ResolvedPrincipal Create(PrincipalKind kind, string name, string arn, string accountId)
        => new(kind, name, arn, accountId, UniqueId: string.Empty,
            [new PrincipalPolicy(AssumedPolicyName(accountId), PolicySource.Inline, AssumedAllow)],
            PermissionsBoundary: null, TrustPolicy: null, Tags: [], IsServiceLinked: false);

    private static bool IsAccountId(string text) => text.Length == 12 && text.All(char.IsAsciiDigit);

    private static string LastSegment(string resource) => resource[(resource.LastIndexOf('/') + 1)..];
}
