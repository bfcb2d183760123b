namespace AwsReplay.Organizations;

/// <summary>An organisational unit of the replay's organisation.</summary>
/// <param name="Id">The OU's id, e.g. <c>ou-examplerootid111-exampleouid111</c>.</param>
/// <param name="Name">Its name.</param>
/// <param name="ParentId">The root or OU it sits in.</param>
public sealed record ReplayUnit(string Id, string Name, string ParentId);
