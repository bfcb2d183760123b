namespace AwsReplay.Organizations;

/// <summary>An SCP or RCP of the replay's organisation.</summary>
/// <param name="Id">The policy id, e.g. <c>p-examplepolicyid111</c>.</param>
/// <param name="Name">Its name.</param>
/// <param name="Type"><c>SERVICE_CONTROL_POLICY</c> or <c>RESOURCE_CONTROL_POLICY</c>.</param>
/// <param name="AwsManaged">Whether AWS manages it (FullAWSAccess).</param>
/// <param name="Content">The policy document's text.</param>
/// <param name="TargetIds">The roots, OUs and accounts it is attached to.</param>
public sealed record ReplayPolicy(string Id, string Name, string Type, bool AwsManaged, string Content, IReadOnlyList<string> TargetIds);
