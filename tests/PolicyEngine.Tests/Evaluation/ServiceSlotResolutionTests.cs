using PolicyEngine.Catalog;
using PolicyEngine.Evaluation;
using PolicyEngine.Tests.Conformance;

namespace PolicyEngine.Tests.Evaluation;

/// <summary>
/// A compiled set resolves a service's statements when a request first needs them. A decision must not depend on
/// which services were asked before, in what order, or on how many threads asked at once.
/// </summary>
public sealed class ServiceSlotResolutionTests
{
    [Fact]
    public void Decide_ManyServicesFromManyThreadsAtOnce_AnswersAsAFreshSetPerRequest()
    {
        // Arrange: the reference workload's principal holding ReadOnlyAccess (hundreds of services), and one action of
        // every access level from each of 120 services, each answered by a set compiled for that request alone.
        var source = ConformanceCaseSource.All().First(static c => c.Policies.IdentityPolicies.Any(static p => p.Name == "ReadOnlyAccess"));
        var requests = ActionCatalog.Default.Services
            .Take(120)
            .SelectMany(static s => s.Actions.GroupBy(static a => a.AccessLevel).Select(static g => g.First()))
            .Select(a => AuthorizationRequest.Create(source.Request.Principal, a.FullName, "*", source.Request.ResourceAccount, source.Request.Context))
            .ToArray();
        var alone = requests.Select(r => PolicyCompiler.Compile(source.Policies).Decide(r)).ToArray();
        Assert.Contains(Decision.Allow, alone);
        Assert.Contains(Decision.ImplicitDeny, alone);

        // Act: one fresh set shared by eight threads, each walking the requests in its own order.
        var shared = PolicyCompiler.Compile(source.Policies);
        var answers = new Decision[8][];
        Parallel.For(0, 8, new ParallelOptions { MaxDegreeOfParallelism = 8 }, thread =>
        {
            var order = Enumerable.Range(0, requests.Length).OrderBy(i => (i * 7919 + thread * 104729) % requests.Length).ToArray();
            answers[thread] = new Decision[requests.Length];
            foreach (var i in order)
            {
                answers[thread][i] = shared.Decide(requests[i]);
            }
        });

        // Assert
        foreach (var threadAnswers in answers)
        {
            Assert.Equal(alone, threadAnswers);
        }
    }
}
