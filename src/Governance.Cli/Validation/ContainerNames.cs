using PolicyEngine.Validation;

namespace Governance.Cli.Validation;

/// <summary>The command line's names of the places a policy is stored, which decide its size quota (<c>--container</c>).</summary>
internal static class ContainerNames
{
    /// <summary>Every name, the default first.</summary>
    public static IReadOnlyList<string> All { get; } = ["managed", "aws-managed", "role-inline", "user-inline", "group-inline"];

    /// <summary>The container a name stands for (the name is one of <see cref="All"/>).</summary>
    public static PolicyContainer Parse(string name) => name switch
    {
        "aws-managed" => PolicyContainer.AwsManaged,
        "role-inline" => PolicyContainer.RoleInline,
        "user-inline" => PolicyContainer.UserInline,
        "group-inline" => PolicyContainer.GroupInline,
        _ => PolicyContainer.Managed,
    };

    /// <summary>The name of <paramref name="container"/>.</summary>
    public static string Of(PolicyContainer container) => container switch
    {
        PolicyContainer.AwsManaged => "aws-managed",
        PolicyContainer.RoleInline => "role-inline",
        PolicyContainer.UserInline => "user-inline",
        PolicyContainer.GroupInline => "group-inline",
        _ => "managed",
    };
}
