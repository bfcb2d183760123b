using System.Collections.Immutable;
using Governance.Core.Accounts.Questions;

namespace Governance.Api.Questions;

/// <summary>The answer to a <see cref="CanIQuestion"/>: one call's decision, or an object read or write's calls.</summary>
/// <param name="Principal">The caller's ARN, as resolved.</param>
/// <param name="Question">The call asked about; null for an object question.</param>
/// <param name="Decision">Its decision, deciding layer and notes; null for an object question.</param>
/// <param name="ObjectAccess">Each call an object read or write takes, with its answer; null for one call.</param>
/// <param name="Warnings">Notes on the caller's inputs in the organisation copy (a policy that did not parse, …).</param>
public sealed record CanIAnswer(
    string Principal, AccessQuestion? Question, OrganizationAnswer? Decision, ObjectAccessAnswer? ObjectAccess, ImmutableArray<string> Warnings);
