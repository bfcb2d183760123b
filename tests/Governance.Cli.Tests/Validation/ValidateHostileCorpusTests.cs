using System.Text;
using System.Text.Json;
using TestSupport.Cli;
using TestSupport.Files;
using TestSupport.Hostile;

namespace Governance.Cli.Tests.Validation;

/// <summary>
/// Issue 15: <c>iamgov validate</c> on a folder of hostile documents answers every file, prints no stack trace and
/// exits 1. Before the fix it died on the first lone surrogate escape and never answered the files after it.
/// </summary>
public sealed class ValidateHostileCorpusTests : IDisposable
{
    private readonly TempFolder _folder = TempFolder.Create();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Validate_HostileCorpus_AnswersEveryFileWithAJsonFindingAndExitsOne()
    {
        // Arrange
        var written = HostileCorpus.Write(_folder);

        // Act
        var (exit, stdout, stderr) = CliRunner.Run("validate", _folder, "-o", "json");

        // Assert
        Assert.True(written.Count >= 300, $"the corpus holds hundreds of files, not {written.Count}");
        AssertNoStackTrace(stdout + stderr);
        Assert.True(exit == 1, stderr);
        Assert.DoesNotContain("skipped", stderr, StringComparison.Ordinal);
        using var report = JsonDocument.Parse(stdout);
        var answered = report.RootElement.GetProperty("files").EnumerateArray()
            .ToDictionary(static f => f.GetProperty("path").GetString()!, static f => f.GetProperty("findings").EnumerateArray()
                .Select(static x => x.GetProperty("code").GetString()!).ToList(), StringComparer.Ordinal);
        foreach (var file in written)
        {
            var path = Path.Join(_folder.Path, file).Replace('\\', '/');
            Assert.True(answered.TryGetValue(path, out var codes), $"`{file}` is not answered");
            // A finding on the JSON text itself (IAM000x), which is what each file breaks, or an error: two byte order
            // marks are read past, and the second is then a character IAM refuses (IAM2012)
            Assert.True(codes.Exists(static c => c.StartsWith("IAM000", StringComparison.Ordinal)) || codes.Contains("IAM2012"),
                $"`{file}`: {string.Join(", ", codes)}");
        }
    }

    [Fact]
    public void Validate_LoneSurrogateBeforeOtherFiles_AnswersThemAll()
    {
        // Arrange: the reproduction of issue 15, a lone surrogate first in the folder's order
        Write("a.json", """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"\ud800"}]}""");
        Write("b.json", """{"Version":"2012-10-17","Statement":[{"Effect":"allow","Action":"s3:GetObject","Resource":"*"}]}""");

        // Act
        var (exit, stdout, stderr) = CliRunner.Run("validate", _folder);

        // Assert
        AssertNoStackTrace(stdout + stderr);
        Assert.Equal(1, exit);
        Assert.Contains("a.json:1:92 error IAM0001 invalid escape: lone surrogate `\\ud800`", stdout, StringComparison.Ordinal);
        Assert.Contains("b.json:1:48 error IAM1007", stdout, StringComparison.Ordinal);
        Assert.Contains("2 files validated", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_KeyStatementWithLoneSurrogate_IsValidatedNotSkipped()
    {
        // A file the check refuses is not "other JSON", even without a readable `Statement`.
        Write("p.json", """{"Sta\udc00tement":[]}""");

        var (exit, stdout, stderr) = CliRunner.Run("validate", _folder);

        Assert.Equal(1, exit);
        Assert.DoesNotContain("skipped", stderr, StringComparison.Ordinal);
        Assert.Contains("p.json:1:6 error IAM0001 invalid escape", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_DanglingLinkInFolder_NamesItAndStillAnswersTheOthers()
    {
        // Arrange
        Write("ok.json", """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}""");
        File.CreateSymbolicLink(Path.Combine(_folder, "gone.json"), Path.Combine(_folder, "nowhere.json"));

        // Act
        var (exit, stdout, stderr) = CliRunner.Run("validate", _folder);

        // Assert
        AssertNoStackTrace(stdout + stderr);
        Assert.Equal(1, exit);
        Assert.Contains("gone.json: cannot be read", stderr, StringComparison.Ordinal);
        Assert.Contains("gone.json", stderr, StringComparison.Ordinal);
        Assert.Contains("1 file validated", stdout, StringComparison.Ordinal);
    }

    private static void AssertNoStackTrace(string output)
    {
        Assert.DoesNotContain("Unhandled exception", output, StringComparison.Ordinal);
        Assert.DoesNotContain("failed (", output, StringComparison.Ordinal); // CliApp's line for an exception a command let through
        Assert.DoesNotContain("Exception:", output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
    }

    private void Write(string name, string text) => File.WriteAllText(Path.Combine(_folder, name), text, new UTF8Encoding(false));
}
