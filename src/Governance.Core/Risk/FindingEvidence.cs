using PolicyEngine.Evaluation;

namespace Governance.Core.Risk;

/// <summary>A statement that grants part of what a finding needs.</summary>
/// <param name="Principal">The ARN of the principal whose policy it is (along a role chain, not always the audited one).</param>
/// <param name="Policy">The policy's name.</param>
/// <param name="Sid">The statement's Sid, or <c>Statement[i]</c> when it has none.</param>
/// <param name="Line">The 1-based line where the statement starts in the policy document.</param>
/// <param name="PolicyType">The role the policy plays: identity, trust (resource) policy, ...</param>
public sealed record FindingEvidence(string Principal, string Policy, string Sid, int Line, PolicyType PolicyType)
{
    /// <summary>Evidence from the engine's reference to a statement.</summary>
    public static FindingEvidence From(string principal, StatementRef statement)
    {
        ArgumentNullException.ThrowIfNull(statement);
        return new FindingEvidence(principal, statement.PolicyName, statement.DisplayName, statement.Line, statement.PolicyType);
    }
}
