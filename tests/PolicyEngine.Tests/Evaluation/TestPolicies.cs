using System.Collections.Immutable;
using PolicyEngine.Evaluation;

namespace PolicyEngine.Tests.Evaluation;

/// <summary>Short ways to write the policies and requests of a test.</summary>
internal static class TestPolicies
{
    public const string Account = "111122223333";
    public const string OtherAccount = "444455556666";
    public const string Alice = "arn:aws:iam::111122223333:user/alice";
    public const string Bob = "arn:aws:iam::444455556666:user/bob";
    public const string Role = "arn:aws:iam::111122223333:role/data-engineer";
    public const string Session = "arn:aws:sts::111122223333:assumed-role/data-engineer/alice-session";
    public const string ObjectArn = "arn:aws:s3:::lake-raw/2024/01/events.parquet";

    /// <summary>A 2012-10-17 policy of the given statements (JSON objects).</summary>
    public static NamedPolicy Policy(string name, params string[] statements)
        => NamedPolicy.Parse(name, $$"""{"Version":"2012-10-17","Statement":[{{string.Join(",", statements)}}]}""");

    public static string Allow(string action, string resource = "*", string extra = "")
        => $$"""{"Effect":"Allow","Action":"{{action}}","Resource":"{{resource}}"{{extra}}}""";

    public static string Deny(string action, string resource = "*", string extra = "")
        => $$"""{"Effect":"Deny","Action":"{{action}}","Resource":"{{resource}}"{{extra}}}""";

    /// <summary>A resource-policy statement granting <paramref name="principal"/> (an AWS principal).</summary>
    public static string AllowPrincipal(string principal, string action, string? resource = "*")
        => resource is null
            ? $$"""{"Effect":"Allow","Principal":{"AWS":"{{principal}}"},"Action":"{{action}}"}"""
            : $$"""{"Effect":"Allow","Principal":{"AWS":"{{principal}}"},"Action":"{{action}}","Resource":"{{resource}}"}""";

    public static ImmutableArray<ImmutableArray<NamedPolicy>> Levels(params NamedPolicy[][] levels)
        => [.. levels.Select(static l => l.ToImmutableArray())];

    public static AuthorizationRequest Request(string principal, string action, string resource = ObjectArn, string? resourceAccount = null,
        params (string Key, string Value)[] context)
        => AuthorizationRequest.Create(principal, action, resource, resourceAccount,
            RequestContext.Create(context.Select(static c => KeyValuePair.Create(c.Key, c.Value))));

    /// <summary>
    /// Bytes the fast path allocates over 1,000 decisions of <paramref name="request"/>, after warming up past tiered
    /// compilation's call-count threshold so that no tier-up happens inside the measured loop (a single warm-up call once
    /// let one through in about fifteen full runs).
    /// </summary>
    public static long AllocatedByDecisions(CompiledPolicySet set, AuthorizationRequest request)
    {
        for (var i = 0; i < 2000; i++)
        {
            set.Decide(request);
        }
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1000; i++)
        {
            set.Decide(request);
        }
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }

    /// <summary>Compiles and decides, checking that the explaining path agrees with the fast one.</summary>
    public static Decision Decide(PolicySet set, AuthorizationRequest request)
    {
        var compiled = PolicyCompiler.Compile(set);
        Assert.Empty(compiled.Errors);
        var decision = compiled.Decide(request);
        Assert.Equal(decision, compiled.Evaluate(request).Decision);
        return decision;
    }
}
