namespace Governance.Cli.Output;

/// <summary>What code scanning shows for one rule: a one-line description, the full one, how to fix it, and AWS's page on it.</summary>
/// <param name="Short">One line, as a rule list shows it.</param>
/// <param name="Full">What the rule checks and why it matters.</param>
/// <param name="Fix">How to resolve a finding.</param>
/// <param name="HelpUri">The AWS documentation page of the check.</param>
internal sealed record RuleHelp(string Short, string Full, string Fix, Uri HelpUri);
