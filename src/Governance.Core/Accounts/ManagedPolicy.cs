using System.Collections.Immutable;

namespace Governance.Core.Accounts;

/// <summary>A customer or AWS managed policy with the versions the snapshot holds.</summary>
/// <param name="PolicyName">Its name.</param>
/// <param name="Arn">Its ARN.</param>
/// <param name="Path">Its IAM path.</param>
/// <param name="DefaultVersionId">The version IAM evaluates, as the snapshot names it.</param>
/// <param name="Versions">The versions listed, which may be only the default one.</param>
public sealed record ManagedPolicy(string PolicyName, string Arn, string Path, string? DefaultVersionId, ImmutableArray<ManagedPolicyVersion> Versions)
{
    /// <summary>True for policies AWS maintains (<c>arn:aws:iam::aws:policy/...</c>).</summary>
    public bool IsAwsManaged => Arn.Contains(":iam::aws:policy/", StringComparison.Ordinal);

    /// <summary>The default version: the one flagged default, else the one <see cref="DefaultVersionId"/> names.</summary>
    public ManagedPolicyVersion? DefaultVersion =>
        Versions.FirstOrDefault(static v => v.IsDefaultVersion)
        ?? Versions.FirstOrDefault(v => string.Equals(v.VersionId, DefaultVersionId, StringComparison.Ordinal));
}
