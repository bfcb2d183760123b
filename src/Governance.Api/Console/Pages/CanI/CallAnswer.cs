using Governance.Core.Accounts.Questions;

namespace Governance.Api.Console.Pages.CanI;

/// <summary>One call's answer as the Can I page shows it (<c>_CallAnswer.cshtml</c>).</summary>
/// <param name="Question">The call: its action and resource.</param>
/// <param name="Answer">Its decision, the layer that decided, its statements.</param>
/// <param name="Notes">What the answer rests on: the answer's notes, then the organisation copy's warnings on the caller.</param>
/// <param name="Heading">The heading level of the call's title (2 for one call, 3 under an object question).</param>
public sealed record CallAnswer(AccessQuestion Question, OrganizationAnswer Answer, IReadOnlyList<string> Notes, int Heading);
