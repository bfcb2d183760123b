namespace AwsReplay.Organizations;

/// <summary>An SNS topic the replay serves in its region.</summary>
/// <param name="Name">The topic's name.</param>
/// <param name="Region">Its region: SNS lists it only to a client signing for this region.</param>
/// <param name="Policy">The topic's access policy (SNS gives every topic one).</param>
public sealed record ReplayTopic(string Name, string Region, string Policy);
