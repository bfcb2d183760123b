namespace Governance.Core.Drift.Records;

/// <summary>Which findings concern the organisation's guardrails rather than an account's principals.</summary>
public static class DriftKinds
{
    extension(DriftKind kind)
    {
        /// <summary>True for the SCP and RCP findings, whose <see cref="DriftFinding.Principal"/> names a guardrail.</summary>
        public bool ConcernsGuardrail => kind is DriftKind.MissingGuardrail or DriftKind.UnmanagedGuardrail
            or DriftKind.GuardrailPolicyDrift or DriftKind.GuardrailAttachmentDrift;
    }
}
