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
        return Analyze(state, options, shared: null);
    }

    /// <summary>Audits <paramref name="state"/>, reusing (and adding to) <paramref name="shared"/> results of another analysis of the same moment.</summary>
    internal static AccountRisks Analyze(AccountState state, RiskAnalysisOptions options, AccessResults? shared)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(options);
        return new RiskAnalysisRun(state, options, shared).Run() with { Documents = PolicyDocuments.Of(state) };
    }
}
