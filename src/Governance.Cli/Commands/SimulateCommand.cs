using System.CommandLine;
using Governance.Cli.Inputs;
using Governance.Cli.Simulation;
using PolicyEngine.Evaluation;

namespace Governance.Cli.Commands;

/// <summary>
/// <c>iamgov simulate --cases FILE.jsonl [--check] [--explain] [-o json] [--output-file FILE]</c>: decides every case of a
/// conformance file (<c>-</c>: standard input).
/// </summary>
/// <remarks>
/// Standard output gets one JSON line per case, in input order, and with <c>--check</c> a last line
/// <c>N passed, N failed</c>; mismatches and malformed lines go to standard error with their line numbers.
/// </remarks>
internal static class SimulateCommand
{
    public static Command Create(CliContext context)
    {
        var cases = InputFileOption.Single("--cases", "conformance cases, one JSON object a line", required: true);
        var check = new Option<bool>("--check") { Description = "compare with each case's `expected`; exit 1 on any mismatch" };
        var explain = new Option<bool>("--explain") { Description = "add the explanation to each line" };
        var output = OutputOption.Create("json: one JSON object a line, one line per case", "json");
        var outputFile = OutputFileOption.Create();
        var command = new Command("simulate", "decide authorization cases as AWS would") { cases, check, explain, output, outputFile };
        command.SetAction(parse => OutputDestination.Run(parse, outputFile, stdout => Run(parse.GetValue(cases)!, context.StandardInput, parse.GetValue(check),
            parse.GetValue(explain), stdout, parse.InvocationConfiguration.Error)));
        return command;
    }

    internal static int Run(string path, Stream standardInput, bool check, bool explain, TextWriter stdout, TextWriter stderr)
    {
        var (cases, readError) = CaseFile.Read(path, standardInput);
        if (readError is not null)
        {
            stderr.WriteLine($"iamgov: {readError}");
            return CliApp.UsageError;
        }
        var name = InputFile.IsStandardInput(path) ? InputFile.DisplayName(path) : Path.GetFileName(path);
        int passed = 0, failed = 0;
        foreach (var (line, parsed) in cases)
        {
            if (parsed.Case is not { } testCase)
            {
                stderr.WriteLine($"{name}:{line}: {MessageText.OneLine(parsed.Error ?? string.Empty)}");
                failed++;
                continue;
            }
            var compiled = PolicyCompiler.Compile(testCase.Policies);
            foreach (var error in compiled.Errors)
            {
                stderr.WriteLine(MessageText.OneLine($"{name}:{line}: `{testCase.Id}` {error.PolicyType} policy `{error.PolicyName}` {error.Diagnostic.Location}: {error.Diagnostic.Message}"));
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
                stderr.WriteLine(MessageText.OneLine($"{name}:{line}: mismatch `{testCase.Id}`: expected {expected}, got {decision}"));
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
