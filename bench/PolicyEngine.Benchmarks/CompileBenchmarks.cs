using BenchmarkDotNet.Attributes;
using PolicyEngine.Evaluation;

namespace PolicyEngine.Benchmarks;

/// <summary>Compiling one principal's policy set (parsing excluded).</summary>
[MemoryDiagnoser]
public class CompileBenchmarks
{
    private PolicySet _typical = null!;
    private PolicySet _readOnly = null!;

    [GlobalSetup]
    public void Setup()
    {
        var cases = Workload.Load();
        _typical = cases[0].Policies;
        _readOnly = cases.First(static c => c.Policies.IdentityPolicies.Any(static p => p.Name == "ReadOnlyAccess")).Policies;
    }

    [Benchmark]
    public CompiledPolicySet CompileTypicalPrincipal() => PolicyCompiler.Compile(_typical);

    [Benchmark]
    public CompiledPolicySet CompileReadOnlyAccessPrincipal() => PolicyCompiler.Compile(_readOnly);
}
