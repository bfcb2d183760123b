using Xunit.Abstractions;

namespace Governance.Core.Tests.Analysis;

public sealed class DumpTests(ITestOutputHelper output)
{
    [Fact]
    public void Dump()
    {
        var sw = System.Diagnostics.Stopwatch.StartNew();
        var audit = LabAudit.Result;
        output.WriteLine($"audit {sw.ElapsedMilliseconds} ms");
        foreach (var p in audit.Principals)
        {
            output.WriteLine($"{p.Name} [{p.Access.Actions}]");
            foreach (var f in p.Findings)
            {
                output.WriteLine($"   {f.Category} {f.Severity} {f.PathId} | {f.Title} | {string.Join(" > ", f.Path.Select(x => x[(x.LastIndexOf('/') + 1)..]))}");
            }
        }
    }
}
