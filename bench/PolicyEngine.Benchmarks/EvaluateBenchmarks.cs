using BenchmarkDotNet.Attributes;
using PolicyEngine.Evaluation;

namespace PolicyEngine.Benchmarks;

/// <summary>Decisions on the realistic workload: every case in turn, and single principals with large managed policies.</summary>
[MemoryDiagnoser]
public class EvaluateBenchmarks
{
    private const int Cases = 1000;

    private CompiledPolicySet[] _sets = [];
    private AuthorizationRequest[] _requests = [];
    private CompiledPolicySet _readOnly = null!;
    private AuthorizationRequest _readOnlyRequest = null!;

    [GlobalSetup]
    public void Setup()
    {
        var cases = Workload.Load();
        _sets = [.. cases.Select(static c => PolicyCompiler.Compile(c.Policies))];
        _requests = [.. cases.Select(static c => c.Request)];
        var readOnly = cases.First(static c => c.Policies.IdentityPolicies.Any(static p => p.Name == "ReadOnlyAccess"));
        _readOnly = PolicyCompiler.Compile(readOnly.Policies);
        _readOnlyRequest = readOnly.Request;
    }

    /// <summary>Every case once, round-robin: each decision meets a policy set the previous one did not use.</summary>
    [Benchmark(OperationsPerInvoke = Cases)]
    public int DecideEveryCase()
    {
        var sum = 0;
        for (var i = 0; i < _sets.Length; i++)
        {
            sum += (int)_sets[i].Decide(_requests[i]);
        }
        return sum;
    }

    /// <summary>One principal holding ReadOnlyAccess (about 2,900 actions over 300 services).</summary>
    [Benchmark]
    public Decision DecideReadOnlyAccessPrincipal() => _readOnly.Decide(_readOnlyRequest);

    /// <summary>The same request with the full explanation.</summary>
    [Benchmark]
    public AuthorizationResult EvaluateReadOnlyAccessPrincipal() => _readOnly.Evaluate(_readOnlyRequest);
}
