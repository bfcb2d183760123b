using System.Globalization;
using System.Text;

namespace TestSupport.Accounts;

/// <summary>
/// Generates an account export of N roles with realistic variety: service roles, chains, pass-role grants, a few
/// administrators; and the same roles as code (<c>policies/roles/NAME.json</c>), for drift at scale.
/// </summary>
/// <remarks>Also used by <c>tools/drift-scale</c>, which writes both to disk for timing <c>iamgov drift</c>.</remarks>
public static class GeneratedAccount
{
    /// <summary>The account id in every generated ARN.</summary>
    public const string Account = "123456789012";

    /// <summary>An account export (<c>get-account-authorization-details</c> format) of <paramref name="roles"/> roles, <c>role-0</c> onwards.</summary>
    public static string Json(int roles) => Json(roles, Account, peer: null);

    /// <summary>
    /// The same export in account <paramref name="account"/>, for an organisation of generated accounts; with
    /// <paramref name="peer"/>, every 100th role from <c>role-3</c> trusts the peer account's roles instead of its own
    /// account, and the roles allowed <c>sts:AssumeRole</c> on <c>role-*</c> may assume them in any account, so that
    /// chains cross accounts.
    /// </summary>
    public static string Json(int roles, string account, string? peer)
    {
        var json = new StringBuilder("""{"UserDetailList":[],"GroupDetailList":[],"Policies":[],"RoleDetailList":[""");
        for (var i = 0; i < roles; i++)
        {
            if (i > 0)
            {
                json.Append(',');
            }
            var role = $"arn:aws:iam::{account}:role/role-{i}";
            json.Append("{\"Path\":\"/\",\"RoleName\":\"role-").Append(i).Append("\",\"RoleId\":\"AROA").Append(i.ToString("D16", CultureInfo.InvariantCulture))
                .Append("\",\"Arn\":\"").Append(role)
                .Append("\",\"AssumeRolePolicyDocument\":").Append(TrustPolicy(i, roles, account, peer))
                .Append(",\"InstanceProfileList\":[],\"RolePolicyList\":[{\"PolicyName\":\"inline-").Append(i)
                .Append("\",\"PolicyDocument\":").Append(InlinePolicy(i, account, peer is null ? account : "*"))
                .Append("}],\"AttachedManagedPolicies\":[],\"Tags\":[{\"Key\":\"team\",\"Value\":\"team-").Append(i % 7).Append("\"}]}");
        }
        return json.Append("]}").ToString();
    }

    /// <summary>Role <paramref name="i"/> as code: the same trust policy, inline policy and tags as in <see cref="Json(int)"/>.</summary>
    public static string RoleDefinition(int i, int roles) => RoleDefinition(i, roles, Account, peer: null);

    /// <summary>Role <paramref name="i"/> as code, as <see cref="Json(int, string, string?)"/> writes it in <paramref name="account"/>.</summary>
    public static string RoleDefinition(int i, int roles, string account, string? peer)
        => $$$"""{"name":"role-{{{i}}}","path":"/","trustPolicy":{{{TrustPolicy(i, roles, account, peer)}}},"inlinePolicies":{"inline-{{{i}}}":{{{InlinePolicy(i, account, peer is null ? account : "*")}}}},"tags":{"team":"team-{{{i % 7}}}"}}""";

    private static string TrustPolicy(int i, int roles, string account, string? peer)
    {
        var principal = (i % 4) switch
        {
            3 when peer is not null && i % 100 == 3 => $$"""{"AWS":"arn:aws:iam::{{peer}}:role/role-13"}""",
            0 => """{"Service":"lambda.amazonaws.com"}""",
            1 => """{"Service":"ec2.amazonaws.com"}""",
            2 => $$"""{"AWS":"arn:aws:iam::{{account}}:role/role-{{(i + 1) % roles}}"}""",
            _ => $$"""{"AWS":"arn:aws:iam::{{account}}:root"}""",
        };
        return $$"""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{{principal}},"Action":"sts:AssumeRole"}]}""";
    }

    /// <param name="i">The role's number.</param>
    /// <param name="account">The account of the role's own resources.</param>
    /// <param name="assumable">The account part of the roles it may assume (<c>*</c> across an organisation).</param>
    private static string InlinePolicy(int i, string account, string assumable)
    {
        var statements = (i % 50) switch
        {
            0 => """{"Effect":"Allow","Action":"*","Resource":"*"}""",
            7 => """{"Effect":"Allow","Action":["iam:PassRole","lambda:CreateFunction","lambda:InvokeFunction"],"Resource":"*"}""",
            13 => $$"""{"Effect":"Allow","Action":"sts:AssumeRole","Resource":"arn:aws:iam::{{assumable}}:role/role-*"}""",
            21 => """{"Effect":"Allow","NotAction":["iam:*","organizations:*"],"Resource":"*"}""",
            _ => string.Create(CultureInfo.InvariantCulture, $$"""{"Effect":"Allow","Action":["s3:Get*","s3:List*"],"Resource":["arn:aws:s3:::bucket-{{i}}","arn:aws:s3:::bucket-{{i}}/*"]},{"Effect":"Allow","Action":["dynamodb:Query","dynamodb:PutItem"],"Resource":"arn:aws:dynamodb:us-east-1:{{account}}:table/t{{i}}"}"""),
        };
        return $$"""{"Version":"2012-10-17","Statement":[{{statements}}]}""";
    }
}
