using System.Globalization;
using System.Text;

namespace Governance.Core.Tests.Analysis;

/// <summary>Generates an account export of N roles with realistic variety: service roles, chains, pass-role grants, a few administrators.</summary>
internal static class GeneratedAccount
{
    public const string Account = "123456789012";

    public static string Json(int roles)
    {
        var json = new StringBuilder("""{"UserDetailList":[],"GroupDetailList":[],"Policies":[],"RoleDetailList":[""");
        for (var i = 0; i < roles; i++)
        {
            if (i > 0)
            {
                json.Append(',');
            }
            var trust = (i % 4) switch
            {
                0 => """{"Service":"lambda.amazonaws.com"}""",
                1 => """{"Service":"ec2.amazonaws.com"}""",
                2 => $$"""{"AWS":"arn:aws:iam::{{Account}}:role/role-{{(i + 1) % roles}}"}""",
                _ => $$"""{"AWS":"arn:aws:iam::{{Account}}:root"}""",
            };
            var statements = (i % 50) switch
            {
                0 => """{"Effect":"Allow","Action":"*","Resource":"*"}""",
                7 => $$"""{"Effect":"Allow","Action":["iam:PassRole","lambda:CreateFunction","lambda:InvokeFunction"],"Resource":"*"}""",
                13 => $$"""{"Effect":"Allow","Action":"sts:AssumeRole","Resource":"arn:aws:iam::{{Account}}:role/role-*"}""",
                21 => """{"Effect":"Allow","NotAction":["iam:*","organizations:*"],"Resource":"*"}""",
                _ => string.Create(CultureInfo.InvariantCulture, $$"""{"Effect":"Allow","Action":["s3:Get*","s3:List*"],"Resource":["arn:aws:s3:::bucket-{{i}}","arn:aws:s3:::bucket-{{i}}/*"]},{"Effect":"Allow","Action":["dynamodb:Query","dynamodb:PutItem"],"Resource":"arn:aws:dynamodb:us-east-1:{{Account}}:table/t{{i}}"}"""),
            };
            var role = $"arn:aws:iam::{Account}:role/role-{i}";
            json.Append("{\"Path\":\"/\",\"RoleName\":\"role-").Append(i).Append("\",\"RoleId\":\"AROA").Append(i.ToString("D16", CultureInfo.InvariantCulture))
                .Append("\",\"Arn\":\"").Append(role)
                .Append("\",\"AssumeRolePolicyDocument\":{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":").Append(trust)
                .Append(",\"Action\":\"sts:AssumeRole\"}]},\"InstanceProfileList\":[],\"RolePolicyList\":[{\"PolicyName\":\"inline-").Append(i)
                .Append("\",\"PolicyDocument\":{\"Version\":\"2012-10-17\",\"Statement\":[").Append(statements)
                .Append("]}}],\"AttachedManagedPolicies\":[],\"Tags\":[]}");
        }
        return json.Append("]}").ToString();
    }
}
