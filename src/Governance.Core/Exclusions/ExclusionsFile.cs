namespace Governance.Core.Exclusions;

/// <summary>The service's exclusions file, <c>policies/exclusions.json</c>, which the nightly drift audit honours when it exists.</summary>
/// <param name="Path">The file, absolute.</param>
/// <remarks>It sits in the policies repository beside <c>roles/</c> and <c>guardrails/</c>, so each exclusion is reviewed as code.</remarks>
public sealed record ExclusionsFile(string Path)
{
    /// <summary>The file's name in a policies folder (and in <c>iamgov drift --desired DIR</c>).</summary>
    public const string FileName = "exclusions.json";

    /// <summary>Reads the file: <see cref="ExclusionSet.None"/> when it does not exist, else its entries or every problem in it.</summary>
    /// <param name="now">Today, for the bound on expiries.</param>
    /// <param name="knownRules">The rule ids an entry may name.</param>
    public ExclusionsReadResult Read(DateTimeOffset now, IReadOnlySet<string> knownRules)
    {
        var source = System.IO.Path.GetFileName(Path);
        if (!File.Exists(Path))
        {
            return new ExclusionsReadResult(ExclusionSet.None, []);
        }
        try
        {
            // Bounded before it is read: a file of a gigabyte is refused rather than loaded.
            if (new FileInfo(Path).Length > ExclusionsReader.MaxBytes)
            {
                return new ExclusionsReadResult(null, [new ExclusionProblem(source, 1, 1, string.Empty, $"the file is larger than {ExclusionsReader.MaxBytes} bytes")]);
            }
            return ExclusionsReader.Read(File.ReadAllBytes(Path), source, now, knownRules);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new ExclusionsReadResult(null, [new ExclusionProblem(source, 1, 1, string.Empty, $"cannot be read ({e.Message})")]);
        }
    }
}
