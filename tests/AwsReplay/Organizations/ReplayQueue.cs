namespace AwsReplay.Organizations;

/// <summary>An SQS queue the replay serves in its region.</summary>
/// <param name="Name">The queue's name.</param>
/// <param name="Region">Its region: SQS lists it only to a client signing for this region.</param>
/// <param name="Policy">The queue's policy, or null when it has none.</param>
public sealed record ReplayQueue(string Name, string Region, string? Policy);
