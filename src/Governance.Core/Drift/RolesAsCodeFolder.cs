namespace Governance.Core.Drift;

/// <summary>The folder of role definitions (<c>policies/roles/</c>) the drift audit takes as the intended state.</summary>
/// <param name="Path">The folder, absolute.</param>
public sealed record RolesAsCodeFolder(string Path);
