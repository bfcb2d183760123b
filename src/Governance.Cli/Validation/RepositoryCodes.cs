namespace Governance.Cli.Validation;

/// <summary>
/// The codes of findings about the files of a policies repository that hold policies without being one: role
/// definitions and permission sets. The policy documents inside them get the validator's own codes
/// (<see cref="PolicyEngine.Diagnostics.DiagnosticCodes"/>); these say what the drift audit or the service would refuse
/// in the file around them. Stable, as those are.
/// </summary>
internal static class RepositoryCodes
{
    /// <summary>A role definition the drift audit refuses: an unknown field, a missing trust policy, a name that is not the file's.</summary>
    public const string InvalidRoleDefinition = "IAM5001";

    /// <summary>A permission set the service refuses to load: an unknown action, a bad placeholder, a limit out of range.</summary>
    public const string InvalidPermissionSet = "IAM5002";

    /// <summary>An attached policy or permissions boundary that is not the ARN of an IAM managed policy.</summary>
    public const string InvalidPolicyArn = "IAM5003";
}
