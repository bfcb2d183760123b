using Governance.Core.Risk;

namespace Governance.Core.Tests.Risk;

/// <summary>
/// The IAM Vulnerable export, principal by principal. Expectations come from the lab's README (one path per numbered
/// profile; fn* exploitable, fp* not) and from reading each policy, not from this code's output.
/// </summary>
public sealed class LabVerdictTests
{
    public static TheoryData<string, string> NumberedPaths => new()
    {
        { "privesc1-CreateNewPolicyVersion", "iam-create-policy-version" },
        { "privesc2-SetExistingDefaultPolicyVersion", "iam-set-default-policy-version" },
        { "privesc3-CreateEC2WithExistingInstanceProfile", "ec2-run-instances-pass-role" },
        { "privesc4-CreateAccessKey", "iam-create-access-key" },
        { "privesc5-CreateLoginProfile", "iam-create-login-profile" },
        { "privesc6-UpdateLoginProfile", "iam-update-login-profile" },
        { "privesc7-AttachUserPolicy", "iam-attach-user-policy" },
        { "privesc8-AttachGroupPolicy", "iam-attach-group-policy" },
        { "privesc9-AttachRolePolicy", "iam-attach-role-policy" },
        { "privesc10-PutUserPolicy", "iam-put-user-policy" },
        { "privesc11-PutGroupPolicy", "iam-put-group-policy" },
        { "privesc12-PutRolePolicy", "iam-put-role-policy" },
        { "privesc13-AddUserToGroup", "iam-add-user-to-group" },
        { "privesc14-UpdatingAssumeRolePolicy", "iam-update-assume-role-policy" },
        { "privesc15-PassExistingRoleToNewLambdaThenInvoke", "lambda-create-invoke" },
        { "privesc16-PassRoleToNewLambdaThenTriggerWithNewDynamo", "lambda-create-event-source" },
        { "privesc17-EditExistingLambdaFunctionWithRole", "lambda-update-code" },
        { "privesc18-PassExistingRoleToNewGlueDevEndpoint", "glue-create-dev-endpoint" },
        { "privesc19-UpdateExistingGlueDevEndpoint", "glue-update-dev-endpoint" },
        { "privesc20-PassExistingRoleToCloudFormation", "cloudformation-create-stack" },
        { "privesc21-PassExistingRoleToNewDataPipeline", "datapipeline-create-pipeline" },
        { "privesc-CloudFormationUpdateStack", "cloudformation-update-stack" },
        { "privesc-codeBuildCreateProjectPassRole", "codebuild-create-project" },
        { "privesc-ec2InstanceConnect", "ec2-instance-connect" },
        { "privesc-sageMakerCreateNotebookPassRole", "sagemaker-create-notebook" },
        { "privesc-sageMakerCreatePresignedNotebookURL", "sagemaker-presigned-notebook-url" },
        { "privesc-sageMakerCreateProcessingJobPassRole", "sagemaker-create-processing-job" },
        { "privesc-sageMakerCreateTrainingJobPassRole", "sagemaker-create-training-job" },
        { "privesc-ssmSendCommand", "ssm-send-command" },
        { "privesc-ssmStartSession", "ssm-start-session" },
        { "fn1-privesc3-partial", "ec2-run-instances-pass-role" },
        { "fn2-exploitableResourceConstraint", "iam-create-policy-version" },
        { "fn3-exploitableConditionConstraint", "iam-create-policy-version" },
    };

    public static TheoryData<string> FalsePositives => new()
    {
        "fp1-allow-and-deny-user", "fp1-allow-and-deny-role",
        "fp2-allow-and-deny-multiple-policies-user", "fp2-allow-and-deny-multiple-policies-role",
        "fp3-deny-iam-user", "fp3-deny-iam-role",
        "fp4-nonExploitableResourceConstraint-user", "fp4-nonExploitableResourceConstraint-role",
        "fp5-nonExploitableConditionConstraint-user", "fp5-nonExploitableConditionConstraint-role",
    };

    [Theory]
    [MemberData(nameof(NumberedPaths))]
    public void Analyze_LabUserAndRole_ReportsTheirPath(string profile, string pathId)
    {
        // Arrange
        var audit = LabAudit.Result;

        // Act
        var user = LabAudit.Principal(audit, profile + "-user");
        var role = LabAudit.Principal(audit, profile + "-role");

        // Assert
        Assert.Contains(user.Findings, f => f.Category == FindingCategory.PrivilegeEscalation && f.PathId == pathId);
        Assert.Contains(role.Findings, f => f.Category == FindingCategory.PrivilegeEscalation && f.PathId == pathId);
        Assert.False(user.Has(FindingCategory.AdminEquivalent), "not yet an administrator");
    }

    [Fact]
    public void Analyze_NotActionExcludingCreateUpdateAttach_EscalatesThroughPutPolicy()
    {
        // Arrange: NotAction iam:Update*, iam:Create*, iam:Attach* still allows iam:Put*Policy and iam:PassRole.
        var audit = LabAudit.Result;

        // Act
        var user = LabAudit.Principal(audit, "fn4-exploitableNotAction-user");
        var role = LabAudit.Principal(audit, "fn4-exploitableNotAction-role");

        // Assert
        Assert.Contains(user.Findings, f => f.PathId == "iam-put-user-policy" && f.Severity == RiskSeverity.High);
        Assert.Contains(role.Findings, f => f.PathId == "iam-put-role-policy" && f.Severity == RiskSeverity.High);
        Assert.DoesNotContain(user.Findings, f => f.PathId is "iam-attach-user-policy" or "iam-create-policy-version");
        Assert.False(user.Has(FindingCategory.AdminEquivalent), "it lacks iam:Attach*, so it is not yet an administrator");
    }

    [Theory]
    [MemberData(nameof(FalsePositives))]
    public void Analyze_FalsePositivePrincipal_CannotEscalate(string name)
    {
        // Arrange
        var audit = LabAudit.Result;

        // Act
        var principal = LabAudit.Principal(audit, name);

        // Assert
        Assert.False(principal.Has(FindingCategory.PrivilegeEscalation), string.Join("; ", principal.Findings.Select(f => f.Title)));
        Assert.False(principal.Has(FindingCategory.AdminEquivalent), "denies or constraints leave nothing");
    }

    [Fact]
    public void Analyze_AssumeRoleChain_ReportsPathThroughIntermediateRole()
    {
        // Arrange: starting-role is trusted by intermediate-role, which is trusted by ending-role (allows *).
        var audit = LabAudit.Result;

        // Act
        var starting = LabAudit.Principal(audit, "privesc-AssumeRole-starting-role");
        var ending = LabAudit.Principal(audit, "privesc-AssumeRole-ending-role");

        // Assert
        var chain = Assert.Single(starting.Findings, f => f.PathId == "sts-assume-role");
        Assert.Equal(["privesc-AssumeRole-starting-role", "privesc-AssumeRole-intermediate-role", "privesc-AssumeRole-ending-role"],
            chain.Path.Select(static p => p[(p.LastIndexOf('/') + 1)..]));
        Assert.Contains(chain.Evidence, e => e.PolicyType == PolicyEngine.Evaluation.PolicyType.Resource);
        Assert.True(ending.Has(FindingCategory.AdminEquivalent));
    }

    [Fact]
    public void Analyze_AssumeRoleStartUser_HasNoPathInThisExport()
    {
        // Arrange: in this export the user has no policies and no trust policy names it (the starting role trusts an
        // SSO session), so the lab's intended first hop does not exist.
        var audit = LabAudit.Result;

        // Act
        var user = LabAudit.Principal(audit, "privesc-AssumeRole-start-user");

        // Assert
        Assert.Empty(user.Findings);
    }

    [Theory]
    [InlineData("privesc-sre-user")]
    [InlineData("privesc-sre-role")]
    [InlineData("privesc-high-priv-service-role")]
    [InlineData("obama")]
    public void Analyze_AdministratorPolicy_ReportsAdminEquivalentOnly(string name)
    {
        // Arrange
        var audit = LabAudit.Result;

        // Act
        var principal = LabAudit.Principal(audit, name);

        // Assert
        var finding = Assert.Single(principal.Findings);
        Assert.Equal(FindingCategory.AdminEquivalent, finding.Category);
        Assert.NotEmpty(finding.Evidence);
    }

    [Fact]
    public void Analyze_PathToInstanceWithPrivilegedRole_NamesTheRole()
    {
        // Arrange
        var audit = LabAudit.Result;

        // Act
        var finding = Assert.Single(LabAudit.Principal(audit, "privesc-ssmSendCommand-user").Findings, f => f.PathId == "ssm-send-command");

        // Assert
        Assert.EndsWith("role/privesc-high-priv-service-role", finding.Path[^1], StringComparison.Ordinal);
        Assert.Equal("ssm:SendCommand", Assert.Single(finding.Actions));
        Assert.Contains(finding.Evidence, e => e.Policy == "privesc-ssmSendCommand-policy" && e.Line > 0);
    }
}
