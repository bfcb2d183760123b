using Governance.Core.Drift;
using Governance.Core.Exclusions;

namespace Governance.Cli.Inputs;

/// <summary>Reads the <c>--exclusions FILE</c> of <c>audit</c> and <c>drift</c> (or <c>-</c>, standard input) and says what it hides.</summary>
internal static class ExclusionsInput
{
    /// <summary>
    /// The entries of <paramref name="path"/>, or null after one line per problem on <paramref name="stderr"/>
    /// (<c>iamgov: FILE:LINE:COLUMN: PATH: what was expected</c>); <see cref="ExclusionSet.None"/> when no file is given.
    /// </summary>
    public static ExclusionSet? Read(string? path, Stream standardInput, DateTimeOffset now, TextWriter stderr)
    {
        if (path is null)
        {
            return ExclusionSet.None;
        }
        var (bytes, error) = InputFile.Read(path, standardInput, ExclusionsReader.MaxBytes);
        if (bytes is null)
        {
            stderr.WriteLine($"iamgov: {error!.Message}");
            return null;
        }
        var read = ExclusionsReader.Read(bytes, InputFile.DisplayName(path), now, DriftExclusions.KnownRules);
        foreach (var problem in read.Problems)
        {
            stderr.WriteLine($"iamgov: {problem}");
        }
        return read.Set;
    }

    /// <summary>One line per exclusion to renew or remove: <c>iamgov: FILE:LINE:COLUMN: warning: …</c>.</summary>
    public static void Warn(IEnumerable<ExclusionWarning> warnings, TextWriter stderr)
    {
        foreach (var warning in warnings)
        {
            stderr.WriteLine($"iamgov: {warning.Source}:{warning.Line}:{warning.Column}: warning: {warning.Message}");
        }
    }
}
