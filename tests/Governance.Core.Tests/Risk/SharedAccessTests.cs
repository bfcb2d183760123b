using Governance.Core.Risk;

namespace Governance.Core.Tests.Risk;

/// <summary>Effective access worked out once for principals with the same policy documents: each one's findings still name its own policies.</summary>
public sealed class SharedAccessTests
{
    private const string Wide = """{"Version":"2012-10-17","Statement":[{"Sid":"Everything","Effect":"Allow","NotAction":["iam:*","organizations:*"],"Resource":"*"}]}""";

    private static string Role(string name, string policyName, string document)
        => $$"""{"Path":"/","RoleName":"{{name}}","RoleId":"AROA{{name.ToUpperInvariant()}}","Arn":"arn:aws:iam::123456789012:role/{{name}}","AssumeRolePolicyDocument":{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]},"InstanceProfileList":[],"RolePolicyList":[{"PolicyName":"{{policyName}}","PolicyDocument":{{document}}}],"AttachedManagedPolicies":[],"Tags":[]}""";

    [Fact]
    public void Audit_SameDocumentUnderTwoNames_EachFindingNamesItsOwnPolicy()
    {
        // Arrange
        var json = $$"""{"UserDetailList":[],"GroupDetailList":[],"Policies":[],"RoleDetailList":[{{Role("first", "wide-a", Wide)}},{{Role("second", "wide-b", Wide)}}]}""";

        // Act
        var audit = LabAudit.Audit(json);

        // Assert
        var first = LabAudit.Principal(audit, "first");
        var second = LabAudit.Principal(audit, "second");
        Assert.Equal(first.Access, second.Access);
        Assert.Equal(first.Findings.Select(static f => f.Title), second.Findings.Select(static f => f.Title));
        var data = Assert.Single(second.Findings, static f => f.Category == FindingCategory.DataExfiltration);
        Assert.All(data.Evidence, static e => Assert.Equal(("arn:aws:iam::123456789012:role/second", "wide-b", "Everything"), (e.Principal, e.Policy, e.Sid)));
        Assert.Equal(["arn:aws:iam::123456789012:role/second"], data.Path.ToArray());
        Assert.All(first.Findings.SelectMany(static f => f.Evidence), static e => Assert.Equal("wide-a", e.Policy));
    }
}
