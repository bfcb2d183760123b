using Governance.Core.Accounts.Questions;
using PolicyEngine.Analysis;
using PolicyEngine.Evaluation;

namespace Governance.Core.OrganizationCopy;

/// <summary>
/// The authorizer of the organisation copy's newest version, and the request context of a question asked now: what
/// the service's questions (<c>GET /v1/can-i</c>) are answered with, so that a grant written on any node shows up at the
/// next question and a revoked one is gone.
/// </summary>
/// <remarks>Thread-safe: each version's authorizer is built once, when the store reads the version.</remarks>
public sealed class CurrentAuthorizer(OrganizationStore store, TimeProvider time)
{
    private TimeKeys? _timeKeys;

    /// <summary>The authorizer of the newest version.</summary>
    public async Task<OrganizationAuthorizer> AuthorizerAsync(CancellationToken cancellationToken)
        => (await store.CurrentAsync(cancellationToken).ConfigureAwait(false)).Authorizer;

    /// <summary>
    /// The request context for a question asked now: <paramref name="given"/> keys, then the time keys
    /// (<c>aws:CurrentTime</c>, <c>aws:EpochTime</c>, <c>aws:TokenIssueTime</c>) from the <see cref="TimeProvider"/> where
    /// not given, so that a grant past its <c>DateLessThan aws:CurrentTime</c> expiry answers deny.
    /// </summary>
    /// <remarks>The time keys have a resolution of one second, so without given keys one context serves a whole second.</remarks>
    public RequestContext ContextNow(RequestContext given)
    {
        ArgumentNullException.ThrowIfNull(given);
        var now = time.GetUtcNow();
        if (given.Count > 0)
        {
            return new AnalysisAssumptions(now, given).ToContext();
        }
        var second = now.ToUnixTimeSeconds();
        var cached = Volatile.Read(ref _timeKeys);
        if (cached is null || cached.Second != second)
        {
            cached = new TimeKeys(second, new AnalysisAssumptions(DateTimeOffset.FromUnixTimeSeconds(second)).ToContext());
            Volatile.Write(ref _timeKeys, cached);
        }
        return cached.Context;
    }

    private sealed record TimeKeys(long Second, RequestContext Context);
}
