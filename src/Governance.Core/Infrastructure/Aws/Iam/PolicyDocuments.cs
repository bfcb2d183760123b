namespace Governance.Core.Infrastructure.Aws.Iam;

/// <summary>IAM returns policy documents URL-encoded (RFC 3986); these helpers turn them back into JSON text.</summary>
public static class PolicyDocuments
{
    /// <summary>
    /// Decodes a document as IAM returns it. RFC 3986 encoding leaves <c>+</c> as itself, so it is not read as a space;
    /// a document that was never encoded comes back unchanged.
    /// </summary>
    public static string Decode(string encoded)
    {
        ArgumentNullException.ThrowIfNull(encoded);
        return Uri.UnescapeDataString(encoded.Trim());
    }
}
