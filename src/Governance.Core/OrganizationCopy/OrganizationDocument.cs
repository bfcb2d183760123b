namespace Governance.Core.OrganizationCopy;

/// <summary>
/// One snapshot file's content, stored once by its SHA-256 however many versions hold it: a grant changes one
/// account's IAM, so a new version adds one document, not a copy of the organisation.
/// </summary>
public sealed class OrganizationDocument
{
    /// <summary>The SHA-256 of <see cref="Content"/>, lowercase hex.</summary>
    public string Hash { get; init; } = string.Empty;

    /// <summary>The file's bytes.</summary>
    public byte[] Content { get; init; } = [];
}
