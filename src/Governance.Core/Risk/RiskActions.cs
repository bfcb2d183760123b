using System.Collections.Frozen;

namespace Governance.Core.Risk;

/// <summary>The actions behind the data-exfiltration and credentials-exposure findings, as data.</summary>
/// <remarks>
/// Follows cloudsplaining's lists (its <c>DataExfiltration</c> and <c>CredentialsExposure</c> findings), with
/// <c>kms:Decrypt</c> added: a principal that may decrypt with every key reads whatever those keys protect.
/// </remarks>
internal static class RiskActions
{
    public static readonly FrozenSet<string> DataExfiltration = new[]
    {
        "s3:GetObject", "ssm:GetParameter", "ssm:GetParameters", "ssm:GetParametersByPath",
        "secretsmanager:GetSecretValue", "kms:Decrypt",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    public static readonly FrozenSet<string> CredentialsExposure = new[]
    {
        "iam:CreateAccessKey", "iam:CreateLoginProfile", "iam:UpdateLoginProfile", "iam:UpdateAccessKey",
        "iam:CreateServiceSpecificCredential", "iam:ResetServiceSpecificCredential", "iam:UpdateServiceSpecificCredential",
        "ecr:GetAuthorizationToken", "redshift:GetClusterCredentials", "rds-db:connect", "sts:GetFederationToken",
        "lightsail:GetInstanceAccessDetails", "lightsail:GetRelationalDatabaseMasterUserPassword", "sso:GetRoleCredentials",
        "chime:CreateApiKey", "gamelift:RequestUploadCredentials", "cognito-identity:GetCredentialsForIdentity",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>Actions probed to tell a full administrator from one who holds only IAM.</summary>
    public static readonly string[] FullAdminSentinels =
        ["ec2:RunInstances", "s3:GetObject", "lambda:CreateFunction", "kms:Decrypt", "organizations:ListAccounts", "secretsmanager:GetSecretValue"];
}
