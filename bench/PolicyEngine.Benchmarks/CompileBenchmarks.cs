using BenchmarkDotNet.Attributes;
using PolicyEngine.Evaluation;

namespace PolicyEngine.Benchmarks;

/// <summary>Compiling one principal's policy set (parsing excluded).</summary>
/// <remarks>
/// A compiled set resolves a service's statements when a request first needs them, so compiling alone is not the whole
/// cost: the other benchmarks add the first decision, and the resolution of every service the policies name.
/// </remarks>
[MemoryDiagnoser]
public class CompileBenchmarks
{
    private PolicySet _typical = null!;
    private PolicySet _readOnly = null!;
    private AuthorizationRequest _readOnlyRequest = null!;

    [GlobalSetup]
    public void Setup()
    {
        var cases = Workload.Load();
        _typical = cases[0].Policies;
        var readOnly = cases.First(static c => c.Policies.IdentityPolicies.Any(static p => p.Name == "ReadOnlyAccess"));
        _readOnly = readOnly.Policies;
        _readOnlyRequest = readOnly.Request;
    }

    [Benchmark]
    public CompiledPolicySet CompileTypicalPrincipal() => PolicyCompiler.Compile(_typical);

    [Benchmark]
    public CompiledPolicySet CompileReadOnlyAccessPrincipal() => PolicyCompiler.Compile(_readOnly);

    [Benchmark]
    public Decision CompileReadOnlyAccessPrincipalAndDecideOnce() => PolicyCompiler.Compile(_readOnly).Decide(_readOnlyRequest);

    [Benchmark]
    public CompiledPolicySet CompileReadOnlyAccessPrincipalAndResolveEveryService()
    {
        var compiled = PolicyCompiler.Compile(_readOnly);
        compiled.ResolveAllServices();
        return compiled;
    }
}
