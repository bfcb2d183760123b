using System.Text;
using TestSupport.Paths;

namespace Governance.Cli.Tests.Readme;

/// <summary>
/// Every <c>iamgov …</c> line of README.md's shell blocks runs as written, in-process, from a folder that looks like the
/// repository's root (its entries linked, so that files the examples write stay out of the repository): it is not a
/// usage error (exit 2), and where the README gives <c># =&gt; FIRST LINE</c> the output's first line is that, with
/// exit 1 when it says <c>no</c> and 0 otherwise. Lines added to the README later are picked up by themselves.
/// </summary>
[Collection(ReadmeWorkingFolderCollection.Name)]
public sealed class ReadmeExamplesTests(LinkedRepositoryRoot root) : IClassFixture<LinkedRepositoryRoot>
{
    /// <summary>The examples that cannot run here, each by the start of its command and why: kept short and true.</summary>
    private static readonly IReadOnlyDictionary<string, string> NotRunHere = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["iamgov snapshot"] = "reads a live AWS account or organisation",
        ["iamgov can-i s3:GetObject arn:aws:s3:::lake-raw/x --as role/data-engineer --account account.json"] = "reads the file the `iamgov snapshot` line above writes from AWS",
        ["iamgov can-i s3:GetObject arn:aws:s3:::lake-raw/x --as arn:aws:iam::333333333333:role/data-engineer --org org/"] = "reads the folder `iamgov snapshot --org` writes from AWS",
        ["iamgov audit-log verify"] = "verifies the running service's database, checkpoints and public key",
        ["iamgov admin"] = "copies a running service's data folder (Governance.Api.Tests/Operations/BackupRestoreTests runs both commands)",
        ["iamgov simulate-custom-policy --cli-input-json file://request.json"] = "request.json is the reader's own `aws iam simulate-custom-policy` input",
    };

    private static readonly IReadOnlyList<ReadmeExample> Examples =
        ReadmeExamples.Read(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "README.md")));

    public static TheoryData<ReadmeExample> Runnable() => [.. Examples.Where(static e => Excluded(e) is null)];

    [Theory]
    [MemberData(nameof(Runnable))]
    public void Example_RunAsWritten_AnswersAsTheReadmeSays(ReadmeExample example)
    {
        // Arrange
        Assert.True(example.Problem is null, $"{example}: {example.Problem}");
        var previous = Environment.CurrentDirectory;
        int exit;
        string stdout, stderr;
        try
        {
            Environment.CurrentDirectory = root.Path;
            using var input = example.StandardInput is { } file ? File.OpenRead(file) : Stream.Null;
            using var output = new StringWriter();
            using var error = new StringWriter();

            // Act
            exit = CliApp.Run([.. example.Arguments], input, output, error);
            (stdout, stderr) = (output.ToString(), error.ToString());
            if (example.StandardOutput is { } redirected)
            {
                File.WriteAllText(redirected, stdout, new UTF8Encoding(false));
            }
        }
        finally
        {
            Environment.CurrentDirectory = previous;
        }

        // Assert
        Assert.True(exit is 0 or 1, $"{example}\nexit {exit}\n{stderr}");
        if (example.Expected is { } expected)
        {
            var firstLine = stdout.ReplaceLineEndings("\n").Split('\n')[0];
            Assert.True(ReadmeExamples.Matches(expected, firstLine), $"{example}\nthe README says: {expected}\nit printed:      {firstLine}\n{stderr}");
            // "no" as a word: an answer of no exits 1; a first line such as "note: …" is no answer.
            Assert.True(exit == (System.Text.RegularExpressions.Regex.IsMatch(expected, @"^no\b") ? 1 : 0), $"{example}: exit {exit} for `{firstLine}`");
        }
    }

    [Fact]
    public void Readme_Examples_AreFoundAndEveryExclusionStillNamesOne()
    {
        // Act
        var unused = NotRunHere.Keys.Where(prefix => !Examples.Any(e => e.Text.StartsWith(prefix, StringComparison.Ordinal))).ToList();

        // Assert: the README's iamgov section alone has more than ten examples; an exclusion that matches nothing is stale.
        Assert.True(Runnable().Count > 10, $"only {Runnable().Count} runnable examples were found");
        Assert.True(unused.Count == 0, $"exclusions that name no README example: {string.Join("; ", unused)}");
    }

    [Fact]
    public void Read_ContinuationCommentVariableAndRedirection_GivesTheCommandAsTheShellWould()
    {
        // Arrange
        const string Markdown = """
            ```sh
            ACCOUNT=tests/data/a.json   # a comment
            iamgov can-i s3:GetObject 'arn:aws:s3:::b/k #1' --as "role/x" \
              --account $ACCOUNT --account - < ${ACCOUNT}   # yes
            # => no - … denies
            ```
            iamgov outside-a-block
            """;

        // Act
        var example = Assert.Single(ReadmeExamples.Read(Markdown));

        // Assert
        Assert.Equal(3, example.Line);
        Assert.Equal(["can-i", "s3:GetObject", "arn:aws:s3:::b/k #1", "--as", "role/x", "--account", "tests/data/a.json", "--account", "-"], example.Arguments);
        Assert.Equal("tests/data/a.json", example.StandardInput);
        Assert.Equal("no - … denies", example.Expected);
        Assert.True(ReadmeExamples.Matches(example.Expected!, "no - the SCP `x` denies"));
        Assert.False(ReadmeExamples.Matches(example.Expected!, "yes"));
    }

    private static string? Excluded(ReadmeExample example) =>
        NotRunHere.FirstOrDefault(e => example.Text.StartsWith(e.Key, StringComparison.Ordinal)).Value;
}
