using Governance.Core.Drift;
using Governance.Core.Policies.PermissionSets;
using TestSupport.Paths;

namespace Governance.Core.Tests.Drift;

public sealed class RoleDefinitionLoaderTests
{
    private const string Trust = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"glue.amazonaws.com"},"Action":"sts:AssumeRole"}]}""";

    [Fact]
    public void Read_ValidRole_ReadsEveryField()
    {
        // Arrange
        var json = $$$"""
            {"name":"etl","path":"/service-role/","trustPolicy":{{{Trust}}},
             "inlinePolicies":{"raw":{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}},
             "attachedPolicies":["arn:aws:iam::111122223333:policy/Base"],"permissionsBoundary":"arn:aws:iam::111122223333:policy/Boundary",
             "tags":{"team":"data"}}
            """;
        var errors = new List<PolicyFileError>();

        // Act
        var role = RoleDefinitionLoader.Read("etl.json", json, errors);

        // Assert
        Assert.Empty(errors);
        Assert.NotNull(role);
        Assert.Equal("arn:aws:iam::111122223333:role/service-role/etl", role.ArnIn("111122223333"));
        Assert.Equal("raw", Assert.Single(role.InlinePolicies).PolicyName);
        Assert.Equal("data", Assert.Single(role.Tags).Value);
    }

    [Fact]
    public void Read_UnknownFieldAndBrokenPolicy_ReportsBoth()
    {
        // Arrange
        const string broken = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*","Condition":{"StringEqualz":{"a":"b"}}}]}""";
        var json = "{\"name\":\"etl\",\"trustPolicy\":" + Trust + ",\"inlinPolicies\":{},\"inlinePolicies\":{\"raw\":" + broken + "}}";
        var errors = new List<PolicyFileError>();

        // Act
        var role = RoleDefinitionLoader.Read("etl.json", json, errors);

        // Assert
        Assert.Null(role);
        Assert.Contains(errors, static e => e.JsonPath == "inlinPolicies");
        Assert.Contains(errors, static e => e.JsonPath == "inlinePolicies.raw");
    }

    [Fact]
    public void LoadDirectory_RepositoryRoles_LoadWithoutErrors()
    {
        // Act
        var (roles, errors) = RoleDefinitionLoader.LoadDirectory(RepositoryRoles());

        // Assert
        Assert.Empty(errors);
        Assert.Contains(roles, static r => r.Name == "data-engineer");
    }

    private static string RepositoryRoles() => Path.Combine(RepositoryPaths.Policies, "roles");
}
