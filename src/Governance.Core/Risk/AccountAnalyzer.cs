using Governance.Core.Accounts;

namespace Governance.Core.Risk;

/// <summary>Audits every principal of an account state: effective access, administrators, escalation paths, role chains and the other risk categories.</summary>
/// <remarks>
/// Pure: reads no clock and no files (the time is <see cref="RiskAnalysisOptions.AsOf"/>). Every verdict comes from the
/// policies through the engine; names are never read, so renaming every principal gives the same verdicts.
/// </remarks>
public static class AccountAnalyzer
{
    /// <summary>Audits <paramref name="state"/>.</summary>
    public static AccountRisks Analyze(AccountState state, RiskAnalysisOptions options)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(options);
        return new RiskAnalysisRun(state, options).Run() with { Documents = PolicyDocuments.Of(state) };
    }
}
