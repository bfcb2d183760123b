using System.Collections.Immutable;
using PolicyEngine.Diagnostics;
using PolicyEngine.Evaluation;
using PolicyEngine.Parsing;
using PolicyEngine.Syntax;
using PolicyEngine.Validation;

namespace Governance.Cli.Inputs;

/// <summary>Reads policy documents named on the command line (<c>--resource-policy</c>, <c>--scp</c>, <c>--rcp</c>, <c>--vpce</c>), <c>-</c> from standard input.</summary>
internal static class PolicyFiles
{
    /// <summary>One policy document from a file; its grammar errors are errors here, since a half-read guardrail would mislead.</summary>
    public static (NamedPolicy? Policy, IReadOnlyList<InputError> Errors) ReadOne(string path, Stream standardInput)
    {
        var (bytes, readError) = InputFile.Read(path, standardInput);
        return bytes is null ? (null, [readError!]) : ReadOne(path, bytes);
    }

    /// <summary>
    /// A VPC endpoint policy (<c>--vpce</c>): one document, which must also keep the documented rules of its kind that
    /// would otherwise change the answer silently: every statement names a Principal (one without it applies to nobody,
    /// so the endpoint would seem to deny everything), and the size quota.
    /// </summary>
    public static (NamedPolicy? Policy, IReadOnlyList<InputError> Errors) ReadEndpointPolicy(string path, Stream standardInput)
    {
        var (bytes, readError) = InputFile.Read(path, standardInput);
        if (bytes is null)
        {
            return (null, [readError!]);
        }
        var (policy, errors) = ReadOne(path, bytes);
        if (policy is null)
        {
            return (null, errors);
        }
        var report = PolicyValidator.Validate(bytes, PolicyKind.VpcEndpoint);
        var broken = report.Findings
            .Where(static d => d.Severity == Severity.Error && d.Code is DiagnosticCodes.MissingPrincipal or DiagnosticCodes.PolicyTooLarge)
            .Select(d => new InputError($"{InputFile.DisplayName(path)}:{d.Location.Line}:{d.Location.Column}: {d.Message}"))
            .ToList();
        return broken.Count == 0 ? (policy, []) : (null, broken);
    }

    /// <summary>
    /// One organization level: a file holding one policy document, or a JSON array of documents attached at that level.
    /// </summary>
    public static (ImmutableArray<NamedPolicy> Level, IReadOnlyList<InputError> Errors) ReadLevel(string path, Stream standardInput)
    {
        var (bytes, readError) = InputFile.Read(path, standardInput);
        if (bytes is null)
        {
            return ([], [readError!]);
        }
        var shown = InputFile.DisplayName(path);
        if (!JsonTextCheck.TryDecode(bytes, out var text, out var encoding))
        {
            return ([], [new InputError($"{shown}:{encoding.Line}:{encoding.Column}: {encoding.Message}")]);
        }
        if (!text.TrimStart().StartsWith('['))
        {
            var (single, errors) = ReadOne(path, bytes);
            return (single is null ? [] : [single], errors);
        }
        if (!JsonTextCheck.TryParse(text, JsonTextRules.Default, out var document, out var problem))
        {
            return ([], [new InputError($"{shown}:{problem.Line}:{problem.Column}: {problem.Message}")]);
        }
        using (document)
        {
            var level = ImmutableArray.CreateBuilder<NamedPolicy>();
            var errors = new List<InputError>();
            var index = 0;
            foreach (var element in document.RootElement.EnumerateArray())
            {
                var policy = NamedPolicy.Parse($"{PolicyName(path)}[{index++}]", element.GetRawText());
                errors.AddRange(policy.Diagnostics.Where(static d => d.Severity == Severity.Error)
                    .Select(d => new InputError($"{shown}[{index - 1}]:{d.Location.Line}:{d.Location.Column}: {d.Message}")));
                level.Add(policy);
            }
            return (level.DrainToImmutable(), errors);
        }
    }

    private static (NamedPolicy? Policy, IReadOnlyList<InputError> Errors) ReadOne(string path, byte[] bytes)
    {
        // Bytes, not text: the parser names invalid UTF-8 and foreign encodings instead of reading them as U+FFFD.
        var policy = NamedPolicy.From(PolicyName(path), PolicyParser.Parse(bytes));
        var errors = policy.Diagnostics.Where(static d => d.Severity == Severity.Error)
            .Select(d => new InputError($"{InputFile.DisplayName(path)}:{d.Location.Line}:{d.Location.Column}: {d.Message}"))
            .ToList();
        return (errors.Count == 0 ? policy : null, errors);
    }

    /// <summary>The name a policy read from <paramref name="path"/> goes by in answers: its file's name.</summary>
    private static string PolicyName(string path) => InputFile.IsStandardInput(path) ? "standard input" : Path.GetFileName(path);
}
