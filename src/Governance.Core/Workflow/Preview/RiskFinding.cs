using System.Collections.Immutable;
using Governance.Core.Risk;

namespace Governance.Core.Workflow.Preview;

/// <summary>A risk the access would bring, such as a path to privilege escalation.</summary>
/// <param name="Code">A stable code.</param>
/// <param name="Severity">How serious it is.</param>
/// <param name="Message">What the risk is.</param>
/// <param name="Actions">The actions that bring it.</param>
public sealed record RiskFinding(string Code, RiskSeverity Severity, string Message, ImmutableArray<string> Actions);
