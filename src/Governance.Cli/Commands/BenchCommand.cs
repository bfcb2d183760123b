using System.CommandLine;
using Governance.Cli.Simulation;
using PolicyEngine.Evaluation;

namespace Governance.Cli.Commands;

/// <summary>
/// <c>iamgov bench --cases FILE.jsonl [--seconds N]</c>: compiles every case's policies once, warms up, then measures
/// decisions on one thread and prints <c>{"cases":N,"decisions_per_sec":X,"p50_us":Y,"p99_us":Z}</c>.
/// </summary>
internal static class BenchCommand
{
    public static Command Create(CliContext context)
    {
        var cases = new Option<FileInfo>("--cases") { Description = "conformance cases: the workload", Required = true };
        var seconds = new Option<double>("--seconds") { Description = "how long to measure", DefaultValueFactory = _ => 4 };
        var command = new Command("bench", "measure the evaluator's speed on a case file") { cases, seconds };
        command.SetAction(parse => Run(parse.GetValue(cases)!, parse.GetValue(seconds),
            parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error));
        return command;
    }

    internal static int Run(FileInfo file, double seconds, TextWriter stdout, TextWriter stderr)
    {
        if (!file.Exists)
        {
            stderr.WriteLine($"iamgov: no such file `{file.FullName}`");
            return CliApp.UsageError;
        }
        if (seconds <= 0 || double.IsNaN(seconds))
        {
            stderr.WriteLine("iamgov: `--seconds` must be positive");
            return CliApp.UsageError;
        }
        var workload = new List<(CompiledPolicySet, AuthorizationRequest)>();
        foreach (var (line, parsed) in CaseFile.Read(file.FullName))
        {
            if (parsed.Case is { } testCase)
            {
                workload.Add((PolicyCompiler.Compile(testCase.Policies), testCase.Request));
            }
            else
            {
                stderr.WriteLine($"{file.Name}:{line}: {parsed.Error}");
            }
        }
        if (workload.Count == 0)
        {
            stderr.WriteLine("iamgov: no cases to measure");
            return 1;
        }
        stdout.WriteLine(BenchRunner.Run(workload, TimeSpan.FromSeconds(seconds)).ToJson());
        return 0;
    }
}
