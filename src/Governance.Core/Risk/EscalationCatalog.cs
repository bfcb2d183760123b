using System.Collections.Immutable;

namespace Governance.Core.Risk;

/// <summary>The privilege-escalation paths the audit checks, as data.</summary>
/// <remarks>
/// Sources: Rhino Security Labs, "AWS IAM Privilege Escalation – Methods and Mitigation" (methods 1–21, numbered as
/// there), and the BishopFox IAM Vulnerable lab's list of supported paths (its <c>privesc*</c> profile names). Chains
/// through <c>sts:AssumeRole</c> are found separately, from trust policies (path id <c>sts-assume-role</c>).
/// A step lists alternatives: <c>[[a], [b, c]]</c> needs <c>a</c> and one of <c>b</c>, <c>c</c>.
/// </remarks>
public static class EscalationCatalog
{
    private const string Rhino = "Rhino Security Labs method";
    private const string Lab = "IAM Vulnerable";

    /// <summary>Every path, in the order findings list them.</summary>
    public static ImmutableArray<EscalationPath> Paths { get; } =
    [
        Path("iam-create-policy-version", "Create a new default version of an attached policy", EscalationTarget.OwnPolicy, null, $"{Rhino} 1; {Lab} privesc1", ["iam:CreatePolicyVersion"]),
        Path("iam-set-default-policy-version", "Switch an attached policy to another version", EscalationTarget.OwnPolicy, null, $"{Rhino} 2; {Lab} privesc2", ["iam:SetDefaultPolicyVersion"]),
        Path("ec2-run-instances-pass-role", "Launch an EC2 instance with a privileged role", EscalationTarget.PassedRole, "ec2.amazonaws.com", $"{Rhino} 3; {Lab} privesc3", ["iam:PassRole"], ["ec2:RunInstances"]),
        Path("iam-create-access-key", "Create an access key for an administrator", EscalationTarget.PrivilegedUser, null, $"{Rhino} 4; {Lab} privesc4", ["iam:CreateAccessKey"]),
        Path("iam-create-login-profile", "Create a console password for an administrator", EscalationTarget.PrivilegedUser, null, $"{Rhino} 5; {Lab} privesc5", ["iam:CreateLoginProfile"]),
        Path("iam-update-login-profile", "Change an administrator's console password", EscalationTarget.PrivilegedUser, null, $"{Rhino} 6; {Lab} privesc6", ["iam:UpdateLoginProfile"]),
        Path("iam-attach-user-policy", "Attach any managed policy to a user", EscalationTarget.SelfUser, null, $"{Rhino} 7; {Lab} privesc7", ["iam:AttachUserPolicy"]),
        Path("iam-attach-group-policy", "Attach any managed policy to a group", EscalationTarget.OwnGroup, null, $"{Rhino} 8; {Lab} privesc8", ["iam:AttachGroupPolicy"]),
        Path("iam-attach-role-policy", "Attach any managed policy to a role", EscalationTarget.SelfRole, null, $"{Rhino} 9; {Lab} privesc9", ["iam:AttachRolePolicy"]),
        Path("iam-put-user-policy", "Write an inline policy on a user", EscalationTarget.SelfUser, null, $"{Rhino} 10; {Lab} privesc10", ["iam:PutUserPolicy"]),
        Path("iam-put-group-policy", "Write an inline policy on a group", EscalationTarget.OwnGroup, null, $"{Rhino} 11; {Lab} privesc11", ["iam:PutGroupPolicy"]),
        Path("iam-put-role-policy", "Write an inline policy on a role", EscalationTarget.SelfRole, null, $"{Rhino} 12; {Lab} privesc12", ["iam:PutRolePolicy"]),
        Path("iam-add-user-to-group", "Add a user to an administrators' group", EscalationTarget.PrivilegedGroup, null, $"{Rhino} 13; {Lab} privesc13", ["iam:AddUserToGroup"]),
        Path("iam-update-assume-role-policy", "Rewrite a privileged role's trust policy, then assume it", EscalationTarget.PrivilegedRole, null, $"{Rhino} 14; {Lab} privesc14", ["iam:UpdateAssumeRolePolicy"], ["sts:AssumeRole"]),
        Path("lambda-create-invoke", "Create a Lambda function with a privileged role and invoke it", EscalationTarget.PassedRole, "lambda.amazonaws.com", $"{Rhino} 15; {Lab} privesc15", ["iam:PassRole"], ["lambda:CreateFunction"], ["lambda:InvokeFunction"]),
        Path("lambda-create-event-source", "Create a Lambda function with a privileged role and trigger it from an event source", EscalationTarget.PassedRole, "lambda.amazonaws.com", $"{Rhino} 16; {Lab} privesc16", ["iam:PassRole"], ["lambda:CreateFunction"], ["lambda:CreateEventSourceMapping"]),
        Path("lambda-update-code", "Replace the code of a Lambda function that runs as a privileged role", EscalationTarget.ServiceRole, "lambda.amazonaws.com", $"{Rhino} 17; {Lab} privesc17", ["lambda:UpdateFunctionCode"]),
        Path("glue-create-dev-endpoint", "Create a Glue development endpoint with a privileged role", EscalationTarget.PassedRole, "glue.amazonaws.com", $"{Rhino} 18; {Lab} privesc18", ["iam:PassRole"], ["glue:CreateDevEndpoint"]),
        Path("glue-update-dev-endpoint", "Log in to a Glue development endpoint that runs as a privileged role", EscalationTarget.ServiceRole, "glue.amazonaws.com", $"{Rhino} 19; {Lab} privesc19", ["glue:UpdateDevEndpoint"]),
        Path("cloudformation-create-stack", "Create a CloudFormation stack that runs as a privileged role", EscalationTarget.PassedRole, "cloudformation.amazonaws.com", $"{Rhino} 20; {Lab} privesc20", ["iam:PassRole"], ["cloudformation:CreateStack"]),
        Path("datapipeline-create-pipeline", "Create and run a Data Pipeline with a privileged role", EscalationTarget.PassedRole, "datapipeline.amazonaws.com", $"{Rhino} 21; {Lab} privesc21", ["iam:PassRole"], ["datapipeline:CreatePipeline"], ["datapipeline:PutPipelineDefinition"], ["datapipeline:ActivatePipeline"]),
        Path("codebuild-create-project", "Create and start a CodeBuild project with a privileged role", EscalationTarget.PassedRole, "codebuild.amazonaws.com", $"{Lab} privesc-codeBuildCreateProjectPassRole", ["iam:PassRole"], ["codebuild:CreateProject"], ["codebuild:StartBuild", "codebuild:StartBuildBatch"]),
        Path("sagemaker-create-notebook", "Create a SageMaker notebook with a privileged role and open it", EscalationTarget.PassedRole, "sagemaker.amazonaws.com", $"Rhino Security Labs part 2; {Lab} privesc-sageMakerCreateNotebookPassRole", ["iam:PassRole"], ["sagemaker:CreateNotebookInstance"], ["sagemaker:CreatePresignedNotebookInstanceUrl"]),
        Path("sagemaker-create-training-job", "Create a SageMaker training job with a privileged role", EscalationTarget.PassedRole, "sagemaker.amazonaws.com", $"{Lab} privesc-sageMakerCreateTrainingJobPassRole", ["iam:PassRole"], ["sagemaker:CreateTrainingJob"]),
        Path("sagemaker-create-processing-job", "Create a SageMaker processing job with a privileged role", EscalationTarget.PassedRole, "sagemaker.amazonaws.com", $"{Lab} privesc-sageMakerCreateProcessingJobPassRole", ["iam:PassRole"], ["sagemaker:CreateProcessingJob"]),
        Path("sagemaker-presigned-notebook-url", "Open an existing SageMaker notebook that runs as a privileged role", EscalationTarget.ServiceRole, "sagemaker.amazonaws.com", $"Rhino Security Labs part 2; {Lab} privesc-sageMakerCreatePresignedNotebookURL", ["sagemaker:CreatePresignedNotebookInstanceUrl"]),
        Path("cloudformation-update-stack", "Update a CloudFormation stack that runs as a privileged role", EscalationTarget.ServiceRole, "cloudformation.amazonaws.com", $"{Lab} privesc-CloudFormationUpdateStack", ["cloudformation:UpdateStack"]),
        Path("ssm-send-command", "Run commands on an instance that carries a privileged role", EscalationTarget.ServiceRole, "ec2.amazonaws.com", $"{Lab} privesc-ssmSendCommand", ["ssm:SendCommand"]),
        Path("ssm-start-session", "Open a shell on an instance that carries a privileged role", EscalationTarget.ServiceRole, "ec2.amazonaws.com", $"{Lab} privesc-ssmStartSession", ["ssm:StartSession"]),
        Path("ec2-instance-connect", "Push an SSH key to an instance that carries a privileged role", EscalationTarget.ServiceRole, "ec2.amazonaws.com", $"{Lab} privesc-ec2InstanceConnect", ["ec2-instance-connect:SendSSHPublicKey", "ec2-instance-connect:SendSerialConsoleSSHPublicKey"]),
        Path("ecs-run-task", "Run an ECS task with a privileged task role", EscalationTarget.PassedRole, "ecs-tasks.amazonaws.com", "Rhino Security Labs (ECS); pathfinding.cloud ecs", ["iam:PassRole"], ["ecs:RegisterTaskDefinition"], ["ecs:RunTask", "ecs:StartTask", "ecs:CreateService"]),
    ];

    /// <summary>The path with <paramref name="id"/>, or null.</summary>
    public static EscalationPath? Find(string id) => Paths.FirstOrDefault(p => string.Equals(p.Id, id, StringComparison.Ordinal));

    private static EscalationPath Path(string id, string name, EscalationTarget target, string? service, string source, params string[][] steps)
        => new(id, name, [.. steps.Select(static s => s.ToImmutableArray())], target, service, source);
}
