using CsCheck;
using PolicyEngine.Evaluation;

namespace PolicyEngine.Tests.Properties;

/// <summary>Property and differential tests over generated policy sets (CsCheck).</summary>
public sealed class DifferentialTests
{
    private const int Iterations = 3000;

    private static Decision Decide(GenSet set, AuthorizationRequest request) => PolicyCompiler.Compile(set.ToPolicySet()).Decide(request);

    [Fact]
    public void Decide_GeneratedInputs_EqualsReferenceAuthorizer()
    {
        var seen = new int[3];
        Gen.Select(PolicyGenerators.Set, PolicyGenerators.Request).Sample((set, request) =>
        {
            var policies = set.ToPolicySet();
            var compiled = PolicyCompiler.Compile(policies);
            var fast = compiled.Decide(request);
            Interlocked.Increment(ref seen[(int)fast]);
            return fast == ReferenceAuthorizer.Decide(policies, request) && compiled.Evaluate(request).Decision == fast;
        }, iter: Iterations, print: t => $"{t.Item1}\nrequest: {t.Item2.Principal} {t.Item2.Action} {t.Item2.Resource} {t.Item2.ResourceAccount}");
        Assert.True(seen.All(static n => n > Iterations / 25), $"every decision should be exercised: {string.Join(", ", seen)}");
    }

    [Fact]
    public void Decide_AddAllowStatement_NeverTurnsAllowIntoDeny()
    {
        Gen.Select(PolicyGenerators.Set, PolicyGenerators.Request, PolicyGenerators.Statement(true, Gen.Const(false)), Gen.Int[0, 6])
            .Sample((set, request, statement, target) =>
                Decide(set, request) != Decision.Allow || Decide(Add(set, statement, target), request) == Decision.Allow, iter: Iterations);
    }

    [Fact]
    public void Decide_AddDenyStatement_NeverTurnsDenyIntoAllow()
    {
        Gen.Select(PolicyGenerators.Set, PolicyGenerators.Request, PolicyGenerators.Statement(true, Gen.Const(true)), Gen.Int[0, 6])
            .Sample((set, request, statement, target) =>
            {
                var before = Decide(set, request);
                var after = Decide(Add(set, statement, target), request);
                return before == Decision.Allow || (after != Decision.Allow && (before != Decision.ExplicitDeny || after == Decision.ExplicitDeny));
            }, iter: Iterations);
    }

    [Fact]
    public void Decide_ReorderStatementsAndPolicies_SameDecision()
    {
        Gen.Select(PolicyGenerators.Set, PolicyGenerators.Request, Gen.Int).Sample((set, request, seed) =>
            Decide(set, request) == Decide(Shuffle(set, new Random(seed)), request), iter: Iterations);
    }

    [Fact]
    public void Decide_AllowedWithBoundary_AllowedWithout()
    {
        Gen.Select(PolicyGenerators.Set, PolicyGenerators.Request).Sample((set, request) =>
            set.Boundary is null || Decide(set, request) != Decision.Allow || Decide(set with { Boundary = null }, request) == Decision.Allow,
            iter: Iterations);
    }

    [Fact]
    public void Decide_AllowedThroughEndpoint_AllowedWithout()
    {
        // An endpoint policy never grants (vpc-endpoints-access.html): removing it never turns an allow into a deny.
        Gen.Select(PolicyGenerators.Set, PolicyGenerators.Request).Sample((set, request) =>
            set.Endpoint is null || Decide(set, request) != Decision.Allow || Decide(set with { Endpoint = null }, request) == Decision.Allow,
            iter: Iterations);
    }

    [Fact]
    public void Decide_DefaultEndpointPolicy_SameAsNoEndpoint()
    {
        // "The default endpoint policy grants full access to the endpoint."
        var fullAccess = new GenPolicy("vpce-default", [new GenStatement(false, ["*"], false, ["*"], false, [], false)]);
        Gen.Select(PolicyGenerators.Set, PolicyGenerators.Request).Sample((set, request) =>
            Decide(set with { Endpoint = null }, request) == Decide(set with { Endpoint = fullAccess }, request), iter: Iterations);
    }

    /// <summary>Adds <paramref name="statement"/> to one policy of the set (a principal is dropped where the policy type has none).</summary>
    private static GenSet Add(GenSet set, GenStatement statement, int target)
    {
        var plain = statement with { Principals = null };
        static GenPolicy Append(GenPolicy p, GenStatement s) => p with { Statements = [.. p.Statements, s] };
        return target switch
        {
            0 when set.Identity.Length > 0 => set with { Identity = [Append(set.Identity[0], plain), .. set.Identity[1..]] },
            1 when set.Boundary is { } b => set with { Boundary = Append(b, plain) },
            2 when set.Session is { } s => set with { Session = Append(s, plain) },
            3 when set.Scp.Length > 0 => set with { Scp = [[Append(set.Scp[^1][0], plain), .. set.Scp[^1][1..]], .. set.Scp[..^1]] },
            4 when set.Resource is { } r => set with { Resource = Append(r, statement.Principals is null ? statement with { Principals = [] } : statement) },
            5 when set.Rcp.Length > 0 => set with { Rcp = [[Append(set.Rcp[0][0], statement), .. set.Rcp[0][1..]], .. set.Rcp[1..]] },
            6 when set.Endpoint is { } e => set with { Endpoint = Append(e, statement.Principals is null ? statement with { Principals = [] } : statement) },
            _ => set with { Identity = [.. set.Identity, new GenPolicy("identity-added", [plain])] },
        };
    }

    private static GenSet Shuffle(GenSet set, Random random)
    {
        GenPolicy Statements(GenPolicy p) => p with { Statements = [.. p.Statements.OrderBy(_ => random.Next())] };
        GenPolicy[] Policies(GenPolicy[] ps) => [.. ps.Select(Statements).OrderBy(_ => random.Next())];
        return new GenSet(Policies(set.Identity), set.Boundary is null ? null : Statements(set.Boundary),
            set.Session is null ? null : Statements(set.Session), [.. set.Scp.Select(Policies)], [.. set.Rcp.Select(Policies)],
            set.Resource is null ? null : Statements(set.Resource), set.Endpoint is null ? null : Statements(set.Endpoint));
    }
}
