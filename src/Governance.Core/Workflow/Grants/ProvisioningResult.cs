namespace Governance.Core.Workflow.Grants;

/// <summary>Whether a provisioner applied a change, and why not.</summary>
/// <param name="Error">Why the change could not be applied; null on success.</param>
public sealed record ProvisioningResult(string? Error)
{
    /// <summary>The change was applied (or was already in place).</summary>
    public static ProvisioningResult Done { get; } = new((string?)null);

    /// <summary>AWS's request id of every call the change made, for the audit event; empty when AWS was not called.</summary>
    public IReadOnlyList<string> AwsRequestIds { get; init; } = [];

    /// <summary>True when the change was applied.</summary>
    public bool Success => Error is null;
}
