using Governance.Core.Accounts;
using PolicyEngine.Analysis;
using PolicyEngine.Evaluation;

namespace Governance.Core.Risk;

/// <summary>A principal or group as the audit sees it: its policies, compiled, and what the audit has learnt about it.</summary>
/// <param name="Arn">Its ARN.</param>
/// <param name="AccountId">Its account.</param>
/// <param name="Principal">The resolved user or role; null for a group.</param>
/// <param name="Group">The group; null for a user or role.</param>
/// <param name="Policies">Its policy set (identity policies and boundary).</param>
/// <param name="Assumptions">What the analysis assumes of every request.</param>
/// <param name="Trust">A role's trust policy.</param>
internal sealed record Subject(
    string Arn,
    string AccountId,
    ResolvedPrincipal? Principal,
    IamGroup? Group,
    PolicySet Policies,
    AnalysisAssumptions Assumptions,
    NamedPolicy? Trust)
{
    private AccessAnalyzer? _analyzer;
    private Lazy<PolicyTextsKey?>? _textsKey;

    /// <summary>Its policies, compiled for analysis on first use, and again after <see cref="Release"/>.</summary>
    /// <remarks>Thread-safe: two threads asking at once may both compile, and one compiled set wins; both decide alike.</remarks>
    public AccessAnalyzer Analyzer
    {
        get
        {
            if (Volatile.Read(ref _analyzer) is { } analyzer)
            {
                return analyzer;
            }
            var compiled = AccessAnalyzer.Create(Policies, Arn, Assumptions);
            return Interlocked.CompareExchange(ref _analyzer, compiled, null) ?? compiled;
        }
    }

    /// <summary>A principal's policy documents as a key (<see cref="PolicyTextsKey.Of"/>), worked out once; null when nothing is shared.</summary>
    /// <remarks>Two threads asking at once may both work it out; the keys are equal.</remarks>
    public PolicyTextsKey? TextsKey => (_textsKey ??= new Lazy<PolicyTextsKey?>(() => PolicyTextsKey.Of(this), LazyThreadSafetyMode.PublicationOnly)).Value;

    /// <summary>Lets the compiled policies go once the subject's account is audited: an organisation's would not fit in memory together.</summary>
    public void Release() => Volatile.Write(ref _analyzer, null);

    /// <summary>Every IAM permissions-management action allowed unconditionally on every resource: it can grant itself anything.</summary>
    public bool IsIamAdmin { get; set; }

    /// <summary>An IAM administrator that also holds a spread of other services' actions on every resource.</summary>
    public bool IsFullAdmin { get; set; }

    /// <summary>The statements that make it an administrator.</summary>
    public IReadOnlyList<StatementRef> AdminEvidence { get; set; } = [];

    public bool IsUser => Principal?.Kind == PrincipalKind.User;

    public bool IsRole => Principal?.Kind == PrincipalKind.Role;
}
