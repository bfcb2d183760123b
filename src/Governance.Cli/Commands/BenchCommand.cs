using System.CommandLine;
using Governance.Cli.Inputs;
using Governance.Cli.Simulation;
using PolicyEngine.Evaluation;

namespace Governance.Cli.Commands;

/// <summary>
/// <c>iamgov bench --cases FILE.jsonl [--seconds N] [-o json|text] [--output-file FILE]</c>: compiles every case's policies
/// once, warms up, then measures decisions on one thread and prints <c>{"cases":N,"decisions_per_sec":X,"p50_us":Y,"p99_us":Z}</c>.
/// </summary>
internal static class BenchCommand
{
    public static Command Create(CliContext context)
    {
        var cases = InputFileOption.Single("--cases", "conformance cases: the workload", required: true);
        var seconds = new Option<double>("--seconds") { Description = "how long to measure", DefaultValueFactory = _ => 4 };
        var output = OutputOption.Create("json (stable, for scripts) or text (for people)", "json", "text");
        var outputFile = OutputFileOption.Create();
        var command = new Command("bench", "measure the evaluator's speed on a case file") { cases, seconds, output, outputFile };
        command.SetAction(parse => OutputDestination.Run(parse, outputFile, stdout => Run(parse.GetValue(cases)!, context.StandardInput, parse.GetValue(seconds),
            parse.GetValue(output) == "text", stdout, parse.InvocationConfiguration.Error)));
        return command;
    }

    internal static int Run(string path, Stream standardInput, double seconds, bool text, TextWriter stdout, TextWriter stderr)
    {
        if (seconds <= 0 || double.IsNaN(seconds) || double.IsInfinity(seconds))
        {
            stderr.WriteLine("iamgov: --seconds: expected a positive number of seconds");
            return CliApp.UsageError;
        }
        var (cases, error) = CaseFile.Read(path, standardInput);
        if (error is not null)
        {
            stderr.WriteLine($"iamgov: {error}");
            return CliApp.UsageError;
        }
        var name = InputFile.IsStandardInput(path) ? InputFile.DisplayName(path) : Path.GetFileName(path);
        var workload = new List<(CompiledPolicySet, AuthorizationRequest)>();
        foreach (var (line, parsed) in cases)
        {
            if (parsed.Case is { } testCase)
            {
                workload.Add((PolicyCompiler.Compile(testCase.Policies), testCase.Request));
            }
            else
            {
                stderr.WriteLine($"{name}:{line}: {MessageText.OneLine(parsed.Error ?? string.Empty)}");
            }
        }
        if (workload.Count == 0)
        {
            // Each unreadable line is told above; a file with none at all is told here.
            if (workload.Count == cases.Count)
            {
                stderr.WriteLine($"iamgov: {name}: no cases to measure");
            }
            return CliApp.CouldNotRun;
        }
        var result = BenchRunner.Run(workload, TimeSpan.FromSeconds(seconds));
        stdout.WriteLine(text ? result.ToText() : result.ToJson());
        return 0;
    }
}
