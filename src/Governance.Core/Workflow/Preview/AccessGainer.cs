using System.Collections.Immutable;
using Governance.Core.Accounts.Questions;

namespace Governance.Core.Workflow.Preview;

/// <summary>One principal that would gain a grant's access because it can act as the target role (see <see cref="RoleAssumers"/>).</summary>
/// <param name="Arn">Its ARN; for an account as a whole <c>arn:aws:iam::ID:root</c>, for a service its name, for anyone <c>*</c>, for a federated principal the provider.</param>
/// <param name="Kind">Role, user, account, service, anyone or federated.</param>
/// <param name="AccountId">Its account; null for anyone and for a provider outside AWS.</param>
/// <param name="InsideOrganization">False for other accounts, anyone and federated identities: the approval rules' outsiders.</param>
/// <param name="Chain">How it reaches the role, such as <c>user/alice -&gt; role/a -&gt; role/target</c>; hops in another account than the target's carry their account id.</param>
/// <param name="AlreadyHolds">
/// True when it (or a role on its chain before the target) can already do every action the grant adds on its resources,
/// decided by the engine against the organisation without the grant: it gains nothing new. Always false for principals
/// whose policies the copy does not hold, and for services, anyone and federated identities.
/// </param>
/// <param name="Owner">For a principal inside the organisation, the value of its <c>AccessGainers.OwnerTag</c> tag: the requester subject it belongs to; else null.</param>
/// <param name="ConditionKeys">Keys it must supply along the chain (MFA, <c>sts:ExternalId</c>, ...); empty when none.</param>
public sealed record AccessGainer(string Arn, AssumerKind Kind, string? AccountId, bool InsideOrganization, string Chain, bool AlreadyHolds,
    string? Owner, ImmutableArray<string> ConditionKeys);
