using PolicyEngine.Analysis;
using PolicyEngine.Evaluation;

namespace Governance.Core.Accounts.Questions;

/// <summary>
/// The <see cref="AccountAuthorizer"/> of the store's current account state: built once per state and rebuilt when the
/// store swaps in a new one, so an approved grant shows up at the next question and a revoked one is gone.
/// </summary>
/// <remarks>Thread-safe and lock-free: two threads that see a new state at once may both build, and either result is right.</remarks>
public sealed class CurrentAccountAuthorizer(AccountStateStore store, TimeProvider time)
{
    private AccountAuthorizer? _cached;
    private TimeKeys? _timeKeys;

    /// <summary>The authorizer of <see cref="AccountStateStore.Current"/>.</summary>
    public AccountAuthorizer Authorizer
    {
        get
        {
            var state = store.Current;
            var cached = Volatile.Read(ref _cached);
            if (cached is not null && ReferenceEquals(cached.State, state))
            {
                return cached;
            }
            var fresh = new AccountAuthorizer(state);
            Interlocked.CompareExchange(ref _cached, fresh, cached);
            return fresh;
        }
    }

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
