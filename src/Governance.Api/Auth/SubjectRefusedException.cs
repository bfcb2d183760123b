namespace Governance.Api.Auth;

/// <summary>
/// A token refused on its subject (<see cref="TokenSubjectCheck.Refusal"/>), carried from validation to the bearer
/// challenge or the console's sign-in page; its message never repeats the subject.
/// </summary>
internal sealed class SubjectRefusedException(string message) : Exception(message);
