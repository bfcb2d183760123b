namespace Governance.Core.Notifications;

/// <summary>What <see cref="WebhookSignature.Verify"/> found.</summary>
public enum SignatureCheck
{
    /// <summary>Signed with the secret, recently.</summary>
    Valid,

    /// <summary>No header, or no <c>t=</c> or <c>v1=</c> in it.</summary>
    Malformed,

    /// <summary>No signature matches: another secret, or a changed body.</summary>
    Mismatch,

    /// <summary>Signed with the secret, but the timestamp is outside the tolerance: a replay, or a clock far off.</summary>
    Stale,
}
