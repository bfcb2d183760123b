namespace Governance.Core.Drift;

/// <summary>The folder of guardrail definitions (<c>policies/guardrails/</c>) the drift audit compares the SCPs and RCPs with, when it exists.</summary>
/// <param name="Path">The folder, absolute.</param>
public sealed record GuardrailsFolder(string Path)
{
    /// <summary>The folder when it exists now, else null: an organisation without guardrails kept as code compares none.</summary>
    public string? IfPresent => Directory.Exists(Path) ? Path : null;
}
