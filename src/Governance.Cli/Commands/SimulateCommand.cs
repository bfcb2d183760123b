using System.CommandLine;
using Governance.Cli.Simulation;
using PolicyEngine.Evaluation;

namespace Governance.Cli.Commands;

/// <summary>
/// <c>iamgov simulate --cases FILE.jsonl [--check] [--explain]</c>: decides every case of a conformance file.
/// </summary>
/// <remarks>
/// Standard output gets one JSON line per case, in input order, and with <c>--check</c> a last line
/// <c>N passed, N failed</c>; mismatches and malformed lines go to standard error with their line numbers.
/// </remarks>
internal static class SimulateCommand
{
    public static Command Create(CliContext context)
    {
        var cases = new Option<FileInfo>("--cases") { Description = "conformance cases, one JSON object a line", Required = true };
        var check = new Option<bool>("--check") { Description = "compare with each case's `expected`; exit 1 on any mismatch" };
        var explain = new Option<bool>("--explain") { Description = "add the explanation to each line" };
        var command = new Command("simulate", "decide authorization cases as AWS would") { cases, check, explain };
        command.SetAction(parse => Run(parse.GetValue(cases)!, parse.GetValue(check), parse.GetValue(explain),
            parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error));
        return command;
    }

    internal static int Run(FileInfo file, bool check, bool explain, TextWriter stdout, TextWriter stderr)
    {
        if (!file.Exists)
        {
            stderr.WriteLine($"iamgov: no such file `{file.FullName}`");
            return CliApp.UsageError;
        }
        int passed = 0, failed = 0;
        foreach (var (line, parsed) in CaseFile.Read(file.FullName))
        {
            if (parsed.Case is not { } testCase)
            {
                stderr.WriteLine($"{file.Name}:{line}: {parsed.Error}");
                failed++;
                continue;
            }
            var compiled = PolicyCompiler.Compile(testCase.Policies);
            foreach (var error in compiled.Errors)
            {
                stderr.WriteLine($"{file.Name}:{line}: `{testCase.Id}` {error.PolicyType} policy `{error.PolicyName}` {error.Diagnostic.Location}: {error.Diagnostic.Message}");
            }
            var result = explain ? compiled.Evaluate(testCase.Request) : null;
            var decision = result?.Decision ?? compiled.Decide(testCase.Request);
            stdout.WriteLine(ResultJson.CaseLine(testCase.Id, decision, result));
            if (!check)
            {
                continue;
            }
            if (testCase.Expected == decision)
            {
                passed++;
            }
            else
            {
                failed++;
                var expected = testCase.Expected?.ToString() ?? "nothing";
                stderr.WriteLine($"{file.Name}:{line}: mismatch `{testCase.Id}`: expected {expected}, got {decision}");
            }
        }
        if (!check)
        {
            return failed > 0 ? 1 : 0;
        }
        stdout.WriteLine($"{passed} passed, {failed} failed");
        return failed > 0 ? 1 : 0;
    }
}
