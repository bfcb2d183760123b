using System.Collections.Immutable;

namespace Governance.Core.Accounts.Questions;

/// <summary>The answer to "who can do this action on this resource?" across an organisation.</summary>
/// <param name="Question">The question, as every principal was asked it.</param>
/// <param name="Principals">Every principal that may, sorted by ARN.</param>
/// <param name="Asked">How many principals were asked: every one the snapshot holds, and those the resource's policy names outside it.</param>
/// <param name="Notes">What the list cannot show: principals a <c>*</c> grant may admit beyond those asked, resource policies unknown.</param>
public sealed record WhoCanAnswer(AccessQuestion Question, ImmutableArray<WhoCanPrincipal> Principals, int Asked, ImmutableArray<string> Notes);
