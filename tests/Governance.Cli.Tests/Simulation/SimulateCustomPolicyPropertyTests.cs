using System.Text;
using CsCheck;
using static Governance.Cli.Tests.Simulation.SimulateCustomPolicyRunner;

namespace Governance.Cli.Tests.Simulation;

/// <summary>
/// The input readers (JSON, YAML, the shorthand syntax) on arbitrary input: any bytes, invalid UTF-8, broken escapes
/// and near-valid requests give error lines and exit 2, or a simulation and exit 0; never an exception or exit 1.
/// </summary>
public sealed class SimulateCustomPolicyPropertyTests
{
    private const string Valid = """{"PolicyInputList":["{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"*\"}]}"],"ActionNames":["s3:GetObject"],"ContextEntries":[{"ContextKeyName":"aws:username","ContextKeyValues":["bob"],"ContextKeyType":"string"}]}""";

    private const string ValidYaml = "PolicyInputList:\n- '{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"*\"}]}'\nActionNames:\n- s3:GetObject\n";

    /// <summary>Pieces that break readers: invalid UTF-8, lone surrogate escapes, quotes, brackets, YAML markers.</summary>
    private static readonly Gen<byte[]> Fragment = Gen.OneOf(
        Gen.Byte.Array[0, 8],
        Gen.OneOf("\\ud800", "\\u12", "\\x", "\"", "'", "[", "]", "{", "}", ",", "=", ":", "- ", "&a", "*a", "!!binary", "\t", "\n", "\u00e9", "\\")
            .Select(static s => Encoding.UTF8.GetBytes(s)),
        Gen.OneOf<byte[]>([0xC3], [0xED, 0xA0, 0x80], [0xFF, 0xFE], [0xEF, 0xBB, 0xBF], [0]));

    /// <summary>A valid text with fragments spliced in, cut or not.</summary>
    private static Gen<byte[]> Mangled(string valid) =>
        from cuts in Gen.Select(Gen.Int[0, valid.Length], Fragment).Array[1, 4]
        from truncate in Gen.Int[0, valid.Length + 20]
        select Mangle(Encoding.UTF8.GetBytes(valid), cuts, truncate);

    [Fact]
    public void CliInputJson_ArbitraryBytes_ErrorLinesNeverAnException()
        => Gen.OneOf(Gen.Byte.Array[0, 200], Mangled(Valid)).Sample(
            bytes => AssertAnswered(RunWithBytes(bytes, "--cli-input-json", "file://-")), iter: 300);

    [Fact]
    public void CliInputYaml_ArbitraryBytes_ErrorLinesNeverAnException()
        => Gen.OneOf(Gen.Byte.Array[0, 200], Mangled(ValidYaml)).Sample(
            bytes => AssertAnswered(RunWithBytes(bytes, "--cli-input-yaml", "file://-")), iter: 300);

    [Fact]
    public void ContextEntriesShorthand_ArbitraryText_ErrorLinesNeverAnException()
        => Mangled("ContextKeyName='aws:CurrentTime',ContextKeyValues=[a,\"b\"],ContextKeyType=dateList").Sample(bytes =>
        {
            var text = Encoding.UTF8.GetString(bytes).Replace("\0", string.Empty, StringComparison.Ordinal);
            AssertAnswered(Run("--policy-input-list", """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*"}]}""",
                "--action-names", "s3:GetObject", "--context-entries", text));
        }, iter: 300);

    [Theory]
    [InlineData("--cli-input-yaml", "[", 100_000)]
    [InlineData("--cli-input-yaml", "- ", 100_000)]
    [InlineData("--cli-input-yaml", "{a: ", 100_000)]
    [InlineData("--cli-input-json", "[", 100_000)]
    [InlineData("--context-entries", "[", 100_000)]
    public void Readers_DeepNesting_OneErrorLineNotAStackOverflow(string option, string opener, int depth)
    {
        // A stack overflow ends the process: no handler can answer it, so depth is bounded before recursion.
        var text = string.Concat(Enumerable.Repeat(opener, depth)) + "x";

        var run = option == "--context-entries"
            ? Run("--policy-input-list", "{}", "--action-names", "s3:GetObject", option, text)
            : RunWithInput(text, option, "-");

        Assert.Equal(2, run.Exit);
        AssertErrorLines(run.Stderr);
        Assert.True(run.Stderr.Length < 600, "the error names the place without a path thousands of characters long");
    }

    [Fact]
    public void CliInputYaml_AliasesMultiplying_AreBounded()
    {
        var bomb = "a: &x [1,2,3,4,5,6,7,8,9]\nb: &y [*x,*x,*x,*x,*x,*x,*x,*x,*x]\nc: &z [*y,*y,*y,*y,*y,*y,*y,*y,*y]\n"
            + "d: &w [*z,*z,*z,*z,*z,*z,*z,*z,*z]\ne: &v [*w,*w,*w,*w,*w,*w,*w,*w,*w]\nf: [*v,*v,*v,*v,*v,*v,*v,*v,*v]\n";

        var (exit, _, stderr) = RunWithInput(bomb, "--cli-input-yaml", "-");

        Assert.Equal(2, exit);
        Assert.Contains("more than 100000 values", stderr, StringComparison.Ordinal);
    }

    private static void AssertAnswered((int Exit, string Stdout, string Stderr) run)
    {
        Assert.True(run.Exit is 0 or 2, $"exit {run.Exit}: {run.Stderr}");
        if (run.Exit == 2)
        {
            AssertErrorLines(run.Stderr);
            Assert.Equal(string.Empty, run.Stdout);
        }
        Assert.DoesNotContain("failed (", run.Stderr, StringComparison.Ordinal);
    }

    private static byte[] Mangle(byte[] valid, (int At, byte[] Piece)[] cuts, int truncate)
    {
        var bytes = valid.ToList();
        foreach (var (at, piece) in cuts.OrderByDescending(static c => c.At))
        {
            bytes.InsertRange(Math.Min(at, bytes.Count), piece);
        }
        return [.. bytes.Take(Math.Min(truncate, bytes.Count) == 0 ? bytes.Count : Math.Min(truncate + 1, bytes.Count))];
    }
}
