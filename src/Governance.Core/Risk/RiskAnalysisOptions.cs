namespace Governance.Core.Risk;

/// <summary>How the risk analysis runs.</summary>
/// <param name="AsOf">When requests are assumed to be made; the CLI passes the current time from <c>TimeProvider</c>.</param>
/// <param name="Principal">Audits only the principal with this ARN; null for all.</param>
/// <param name="MaxChainDepth">The most roles a chain of <c>sts:AssumeRole</c> may pass through.</param>
public sealed record RiskAnalysisOptions(DateTimeOffset AsOf, string? Principal = null, int MaxChainDepth = 4)
{
    /// <summary>
    /// How many principals are audited at once: the processor count, so a nightly run uses the machine and no more; 1
    /// audits them one after another on the calling thread.
    /// </summary>
    public int Parallelism { get; init; } = Environment.ProcessorCount;

    /// <summary>Also returns the whole role graph (<see cref="AccountRisks.RoleGraph"/>), which the findings summarise.</summary>
    public bool IncludeRoleGraph { get; init; }
}
