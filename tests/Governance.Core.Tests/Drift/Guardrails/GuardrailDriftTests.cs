namespace Governance.Core.Tests.Drift.Guardrails;

/// <summary>
/// Guardrail drift, each expected outcome derived from AWS's evaluation rules: at every SCP level some SCP must allow and
/// any Deny denies (orgs_manage_policies_scps_evaluation.html); RCPs only deny, RCPFullAWSAccess allowing at every level
/// (orgs_manage_policies_rcps_evaluation.html).
/// </summary>
public sealed partial class GuardrailDriftTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 3, 0, 0, TimeSpan.Zero);
}
