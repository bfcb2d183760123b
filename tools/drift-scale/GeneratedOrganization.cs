using System.Globalization;
using System.Text;
using TestSupport.Accounts;

namespace DriftScale;

/// <summary>
/// Writes an organisation snapshot folder (the layout <c>OrganizationSnapshotReader</c> reads, as
/// <c>policies/demo-org</c>) of generated accounts: the management account at the root and the members in two OUs, each
/// account the generator's roles with chains into its peer (the next account), one bucket per account, and an SCP and
/// an RCP on the OUs; with the first member's roles as code beside it.
/// </summary>
internal static class GeneratedOrganization
{
    private const string OrganizationId = "o-scale00001";
    private const string Root = "r-sc01";

    /// <summary>The id of account <paramref name="k"/> (0 is the management account).</summary>
    public static string AccountId(int k) => (210000000000L + k).ToString(CultureInfo.InvariantCulture);

    /// <summary>Writes <c>OUT/org/</c> with <paramref name="accounts"/> accounts of <paramref name="roles"/> roles, and <c>OUT/policies/roles/</c> for the first member.</summary>
    public static async Task WriteAsync(string output, int accounts, int roles)
    {
        var org = Path.Combine(output, "org");
        for (var k = 0; k < accounts; k++)
        {
            var folder = Path.Combine(org, "accounts", AccountId(k));
            Directory.CreateDirectory(folder);
            await File.WriteAllTextAsync(Path.Combine(folder, "authorization-details.json"), GeneratedAccount.Json(roles, AccountId(k), Peer(k, accounts)));
            await File.WriteAllTextAsync(Path.Combine(folder, "resources.json"), Resources(AccountId(k)));
        }
        await File.WriteAllTextAsync(Path.Combine(org, "organization.json"), OrganizationJson(accounts));
        var roleFolder = Path.Combine(output, "policies", "roles");
        Directory.CreateDirectory(roleFolder);
        var member = Math.Min(1, accounts - 1);
        for (var i = 0; i < roles; i++)
        {
            await File.WriteAllTextAsync(Path.Combine(roleFolder, $"role-{i}.json"), GeneratedAccount.RoleDefinition(i, roles, AccountId(member), Peer(member, accounts)));
        }
    }

    /// <summary>The account whose roles the chains of account <paramref name="k"/> reach; none in an organisation of one.</summary>
    private static string? Peer(int k, int accounts) => accounts == 1 ? null : AccountId((k + 1) % accounts);

    private static string Resources(string account)
        => $$$"""
           {"Buckets":[{"Name":"data-{{{account}}}","Region":"us-east-1","Policy":"{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::{{{account}}}:role/role-13\"},\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::data-{{{account}}}/*\"}]}","Encryption":{"SSEAlgorithm":"AES256"}}],"KmsKeys":[],"Other":[]}
           """;

    private static string OrganizationJson(int accounts)
    {
        var management = AccountId(0);
        string Ou(int n) => $"ou-sc01-workload{n}";
        var json = new StringBuilder();
        json.Append(CultureInfo.InvariantCulture, $$"""
            {"Organization":{"Id":"{{OrganizationId}}","Arn":"arn:aws:organizations::{{management}}:organization/{{OrganizationId}}","FeatureSet":"ALL","MasterAccountId":"{{management}}"},
             "Roots":[{"Id":"{{Root}}","Arn":"arn:aws:organizations::{{management}}:root/{{OrganizationId}}/{{Root}}","Name":"Root","PolicyTypes":[{"Type":"SERVICE_CONTROL_POLICY","Status":"ENABLED"},{"Type":"RESOURCE_CONTROL_POLICY","Status":"ENABLED"}]}],
             "OrganizationalUnits":[
            """);
        json.Append(string.Join(',', Enumerable.Range(0, 2).Select(n =>
            $$"""{"Id":"{{Ou(n)}}","Arn":"arn:aws:organizations::{{management}}:ou/{{OrganizationId}}/{{Ou(n)}}","Name":"workloads-{{n}}","ParentId":"{{Root}}"}""")));
        json.Append("],\"Accounts\":[");
        json.Append(string.Join(',', Enumerable.Range(0, accounts).Select(k =>
            $$"""{"Id":"{{AccountId(k)}}","Arn":"arn:aws:organizations::{{management}}:account/{{OrganizationId}}/{{AccountId(k)}}","Name":"account-{{k}}","Status":"ACTIVE","ParentId":"{{(k == 0 ? Root : Ou(k % 2))}}"}""")));
        var fullAccess = string.Join(',', new[] { $$"""{"TargetId":"{{Root}}","Type":"ROOT"}""", $$"""{"TargetId":"{{Ou(0)}}","Type":"ORGANIZATIONAL_UNIT"}""", $$"""{"TargetId":"{{Ou(1)}}","Type":"ORGANIZATIONAL_UNIT"}""" }
            .Concat(Enumerable.Range(0, accounts).Select(k => $$"""{"TargetId":"{{AccountId(k)}}","Type":"ACCOUNT"}""")));
        const string denyOutside = "{\\\"Version\\\":\\\"2012-10-17\\\",\\\"Statement\\\":[{\\\"Effect\\\":\\\"Deny\\\",\\\"Principal\\\":\\\"*\\\",\\\"Action\\\":\\\"s3:*\\\","
            + "\\\"Resource\\\":\\\"*\\\",\\\"Condition\\\":{\\\"StringNotEqualsIfExists\\\":{\\\"aws:PrincipalOrgID\\\":\\\"" + OrganizationId + "\\\"}}}]}";
        json.Append(CultureInfo.InvariantCulture, $$$"""
            ],"Policies":[
             {"PolicySummary":{"Id":"p-FullAWSAccess","Arn":"arn:aws:organizations::aws:policy/service_control_policy/p-FullAWSAccess","Name":"FullAWSAccess","Type":"SERVICE_CONTROL_POLICY","AwsManaged":true},
              "Content":"{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}]}","Targets":[{{{fullAccess}}}]},
             {"PolicySummary":{"Id":"p-denyleave","Arn":"arn:aws:organizations::{{{management}}}:policy/{{{OrganizationId}}}/service_control_policy/p-denyleave","Name":"DenyLeaveOrganization","Type":"SERVICE_CONTROL_POLICY","AwsManaged":false},
              "Content":"{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Deny\",\"Action\":\"organizations:LeaveOrganization\",\"Resource\":\"*\"}]}","Targets":[{"TargetId":"{{{Ou(0)}}}","Type":"ORGANIZATIONAL_UNIT"},{"TargetId":"{{{Ou(1)}}}","Type":"ORGANIZATIONAL_UNIT"}]},
             {"PolicySummary":{"Id":"p-denyoutside","Arn":"arn:aws:organizations::{{{management}}}:policy/{{{OrganizationId}}}/resource_control_policy/p-denyoutside","Name":"DenyOutsidePrincipals","Type":"RESOURCE_CONTROL_POLICY","AwsManaged":false},
              "Content":"{{{denyOutside}}}","Targets":[{"TargetId":"{{{Root}}}","Type":"ROOT"}]}
            ]}
            """);
        return json.ToString();
    }
}
