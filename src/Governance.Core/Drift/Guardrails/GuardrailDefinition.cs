using System.Collections.Immutable;
using Governance.Core.Accounts.Organization;

namespace Governance.Core.Drift.Guardrails;

/// <summary>An SCP or RCP as the team agreed it: <c>guardrails/scp/NAME.json</c> or <c>rcp/NAME.json</c>, and its targets.</summary>
/// <param name="Name">The policy's name in AWS Organizations; equals the file name.</param>
/// <param name="Type">SCP or RCP, from the folder it is in.</param>
/// <param name="Document">
/// The policy document's JSON text; null only for an AWS-managed policy (<c>FullAWSAccess</c>) that code attaches but
/// whose content AWS owns.
/// </param>
/// <param name="Targets">
/// Where <c>attachments.json</c> attaches it; null when that file does not name it, and then its attachments are not
/// compared (a folder of plain SCP documents says what they hold, not where they go).
/// </param>
public sealed record GuardrailDefinition(string Name, OrganizationPolicyType Type, string? Document, ImmutableArray<GuardrailTarget>? Targets)
{
    /// <summary>How reports name it: <c>scp/NAME</c> or <c>rcp/NAME</c>, its path under <c>guardrails/</c>.</summary>
    public string Key => GuardrailKeys.Of(Type, Name);
}
