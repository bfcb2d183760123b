using PolicyEngine.Evaluation;

namespace PolicyEngine.Conformance;

/// <summary>One authorization question of the conformance corpus, with AWS's answer.</summary>
/// <param name="Id">The case's stable id.</param>
/// <param name="Description">One line of prose, when given.</param>
/// <param name="Source">The AWS documentation page that decides the case, when given.</param>
/// <param name="Policies">The policies, by the role each plays.</param>
/// <param name="Request">The request.</param>
/// <param name="Expected">The decision AWS gives; null when the case does not say.</param>
public sealed record ConformanceCase(
    string Id,
    string? Description,
    string? Source,
    PolicySet Policies,
    AuthorizationRequest Request,
    Decision? Expected);
