namespace Governance.Cli.Validation;

/// <summary>What a file of a policies repository was read as.</summary>
internal enum FileKind
{
    /// <summary>One plain policy document (an SCP or RCP under <c>guardrails/</c>, or any other policy file).</summary>
    Policy,

    /// <summary>A role definition (<c>roles/NAME.json</c>): a trust policy, inline policies, managed policies and a boundary by ARN.</summary>
    Role,

    /// <summary>A permission set (<c>permission-sets/NAME.json</c>) whose statements render to a grant's inline policy.</summary>
    PermissionSet,
}
