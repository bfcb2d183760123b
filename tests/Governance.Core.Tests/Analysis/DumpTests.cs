using Governance.Core.Analysis;
using PolicyEngine.Analysis;
using Xunit.Abstractions;

namespace Governance.Core.Tests.Analysis;

public sealed class DumpTests(ITestOutputHelper output)
{
    [Fact]
    public void Dump()
    {
        var sw = System.Diagnostics.Stopwatch.StartNew();
        var state = LabAudit.State(LabAudit.Text);
        output.WriteLine($"state {sw.ElapsedMilliseconds} ms");
        sw.Restart();
        var a1 = AccountAnalyzer.Analyze(state, new AuditOptions(LabAudit.AsOf));
        output.WriteLine($"audit1 {sw.ElapsedMilliseconds} ms");
        sw.Restart();
        a1 = AccountAnalyzer.Analyze(state, new AuditOptions(LabAudit.AsOf));
        output.WriteLine($"audit2 {sw.ElapsedMilliseconds} ms");
        var lib = new PolicyLibrary();
        var assumptions = new AnalysisAssumptions(LabAudit.AsOf);
        long total = 0;
        foreach (var p in state.Principals)
        {
            sw.Restart();
            var an = AccessAnalyzer.Create(lib.For(p), p.Arn, assumptions);
            var c = sw.ElapsedTicks;
            var ea = an.GetEffectiveAccess();
            var e = sw.ElapsedTicks;
            total += e;
            if (e > 100_000) output.WriteLine($"{p.Name} create {c / 10_000.0} ms, access {(e - c) / 10_000.0} ms ({ea.ActionCount})");
        }
        output.WriteLine($"total effective {total / 10_000.0} ms");
    }
}
