using System.Collections.Immutable;
using PolicyEngine.Diagnostics;
using PolicyEngine.Evaluation;
using PolicyEngine.Parsing;
using PolicyEngine.Syntax;

namespace Governance.Cli.Inputs;

/// <summary>Reads policy documents named on the command line (<c>--resource-policy</c>, <c>--scp</c>).</summary>
internal static class PolicyFiles
{
    /// <summary>One policy document from a file; its grammar errors are errors here, since a half-read guardrail would mislead.</summary>
    public static (NamedPolicy? Policy, IReadOnlyList<InputError> Errors) ReadOne(FileInfo file)
    {
        if (!file.Exists)
        {
            return (null, [new InputError($"{file.FullName}: no such file")]);
        }
        // Bytes, not text: the parser names invalid UTF-8 and foreign encodings instead of reading them as U+FFFD.
        var policy = NamedPolicy.From(file.Name, PolicyParser.Parse(File.ReadAllBytes(file.FullName)));
        var errors = policy.Diagnostics.Where(static d => d.Severity == Severity.Error)
            .Select(d => new InputError($"{file.FullName}:{d.Location.Line}:{d.Location.Column}: {d.Message}"))
            .ToList();
        return (errors.Count == 0 ? policy : null, errors);
    }

    /// <summary>
    /// One organization level: a file holding one policy document, or a JSON array of documents attached at that level.
    /// </summary>
    public static (ImmutableArray<NamedPolicy> Level, IReadOnlyList<InputError> Errors) ReadLevel(FileInfo file)
    {
        if (!file.Exists)
        {
            return ([], [new InputError($"{file.FullName}: no such file")]);
        }
        if (!JsonTextCheck.TryDecode(File.ReadAllBytes(file.FullName), out var text, out var encoding))
        {
            return ([], [new InputError($"{file.FullName}:{encoding.Line}:{encoding.Column}: {encoding.Message}")]);
        }
        if (!text.TrimStart().StartsWith('['))
        {
            var (single, errors) = ReadOne(file);
            return (single is null ? [] : [single], errors);
        }
        if (!JsonTextCheck.TryParse(text, JsonTextRules.Default, out var document, out var problem))
        {
            return ([], [new InputError($"{file.FullName}:{problem.Line}:{problem.Column}: {problem.Message}")]);
        }
        using (document)
        {
            var level = ImmutableArray.CreateBuilder<NamedPolicy>();
            var errors = new List<InputError>();
            var index = 0;
            foreach (var element in document.RootElement.EnumerateArray())
            {
                var policy = NamedPolicy.Parse($"{file.Name}[{index++}]", element.GetRawText());
                errors.AddRange(policy.Diagnostics.Where(static d => d.Severity == Severity.Error)
                    .Select(d => new InputError($"{file.FullName}[{index - 1}]:{d.Location.Line}:{d.Location.Column}: {d.Message}")));
                level.Add(policy);
            }
            return (level.DrainToImmutable(), errors);
        }
    }
}
