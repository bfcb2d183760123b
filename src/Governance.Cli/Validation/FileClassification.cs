using PolicyEngine.Validation;

namespace Governance.Cli.Validation;

/// <summary>How a file will be read: as a kind of file (and for a policy, the kind its folder gives), or skipped and why.</summary>
/// <param name="Kind">The kind of file; null when the file is skipped.</param>
/// <param name="PolicyKind">For <see cref="FileKind.Policy"/>: the kind its folder gives (SCP, RCP), else identity.</param>
/// <param name="SkipReason">For a skipped file: what it is instead.</param>
internal sealed record FileClassification(FileKind? Kind, PolicyKind PolicyKind, string? SkipReason)
{
    public static FileClassification Read(FileKind kind, PolicyKind policyKind = PolicyKind.Identity) => new(kind, policyKind, null);

    public static FileClassification Skip(string reason) => new(null, PolicyKind.Identity, reason);
}
