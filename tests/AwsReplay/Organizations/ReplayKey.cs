namespace AwsReplay.Organizations;

/// <summary>A KMS key the replay's KMS serves in its region.</summary>
/// <param name="KeyId">The key id.</param>
/// <param name="Region">The key's region: KMS lists it only to a client signing for this region.</param>
/// <param name="KeyManager"><c>CUSTOMER</c> or <c>AWS</c>.</param>
/// <param name="Policy">The key policy named <c>default</c>.</param>
/// <param name="KeyState">The key's state, e.g. <c>Enabled</c> or <c>PendingDeletion</c>.</param>
public sealed record ReplayKey(string KeyId, string Region, string KeyManager, string Policy, string KeyState = "Enabled");
