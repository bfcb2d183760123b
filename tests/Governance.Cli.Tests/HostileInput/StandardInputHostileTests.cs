using System.Text;
using System.Text.RegularExpressions;
using CsCheck;
using TestSupport.Cli;
using TestSupport.Hostile;
using TestSupport.Paths;
using static Governance.Cli.Tests.Simulation.SimulationCases;

namespace Governance.Cli.Tests.HostileInput;

/// <summary>
/// Issues 15 and 17 through <c>-</c>: invalid UTF-8, broken escapes and control characters that arrive on standard input
/// are told as they are from a file, naming <c>standard input</c> and the place, in lines of their own; never a stack
/// trace, a .NET type or the JSON reader's advice to the programmer.
/// </summary>
public sealed partial class StandardInputHostileTests
{
    private static readonly string Demo = Path.Combine(RepositoryPaths.Policies, "demo-account.json");

    private const string Account = """{"UserDetailList":[{"UserName":"a","Arn":"arn:aws:iam::111122223333:user/a","UserId":"AIDAEXAMPLE","Path":"/","UserPolicyList":[],"GroupList":[],"AttachedManagedPolicies":[]}],"GroupDetailList":[],"RoleDetailList":[],"Policies":[]}""";

    private const string Scp = """{"Version":"2012-10-17","Statement":[{"Sid":"All","Effect":"Allow","Action":"*","Resource":"*"}]}""";

    /// <summary>Each option that reads standard input, with the valid document it is given and the command around it.</summary>
    private static readonly IReadOnlyDictionary<string, (string Document, string[] Command)> Inputs = new Dictionary<string, (string, string[])>
    {
        ["--account"] = (Account, ["can-i", "s3:GetObject", "*", "--as", "user/a", "--account", "-"]),
        ["--scp"] = (Scp, ["can-i", "s3:GetObject", "*", "--as", "role/data-engineer", "--account", Demo, "--scp", "-"]),
        ["--cases"] = (AllowCase, ["simulate", "--cases", "-"]),
        ["--org"] = (Account, ["who-can", "s3:GetObject", "*", "--org", "-"]),
    };

    public static TheoryData<string, string> Rows()
    {
        var rows = new TheoryData<string, string>();
        foreach (var option in Inputs.Keys)
        {
            foreach (var (kind, _) in HostileJson.InvalidFragments)
            {
                rows.Add(option, kind);
            }
        }
        return rows;
    }

    [Fact]
    public void Run_ValidDocumentsOnStandardInput_AreRead()
    {
        foreach (var (option, (document, command)) in Inputs)
        {
            // Act
            var (exit, stdout, stderr) = CliRunner.RunWithInput(Encoding.UTF8.GetBytes(document + "\n"), command);

            // Assert: each answers (yes, no, or the case's line); none is refused
            Assert.True(exit is 0 or 1, $"{option}: exit {exit}\n{stderr}");
            Assert.NotEmpty(stdout);
        }
    }

    [Theory]
    [MemberData(nameof(Rows))]
    public void Run_FragmentInAStringOnStandardInput_IsToldAsStandardInputsError(string option, string kind)
    {
        // Arrange: the fragment just inside the document's first key, where escapes are read
        var (document, command) = Inputs[option];
        var fragment = HostileJson.InvalidFragments.Single(f => f.Kind == kind).Bytes;
        byte[] bytes = [.. Encoding.UTF8.GetBytes(document[..2]), .. fragment, .. Encoding.UTF8.GetBytes(document[2..] + "\n")];

        // Act
        var (exit, stdout, stderr) = CliRunner.RunWithInput(bytes, command);

        // Assert
        AssertToldInTheUsersWords(option, stdout, stderr);
        Assert.True(option == "--cases" ? exit is 1 or 2 : exit == 2, $"{option} {kind}: exit {exit}\n{stderr}");
        Assert.Contains("standard input", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_AnyHostileBytesOnStandardInput_AnswerOrAnErrorNeverAFault()
    {
        foreach (var (option, (document, command)) in Inputs)
        {
            HostileJson.Around(Encoding.UTF8.GetBytes(document)).Sample(bytes =>
            {
                // Act
                var (exit, stdout, stderr) = CliRunner.RunWithInput(bytes, command);

                // Assert
                AssertToldInTheUsersWords(option, stdout, stderr);
                Assert.True(exit is 0 or 1 or 2, $"{option}: exit {exit}");
            }, iter: 60);
        }
    }

    private static void AssertToldInTheUsersWords(string option, string stdout, string stderr)
    {
        var output = stdout + stderr;
        Assert.DoesNotMatch(Internals(), output);
        Assert.DoesNotContain("reader options", output, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("failed (", stderr, StringComparison.Ordinal); // CliApp's line for what a command let through
        Assert.All(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries),
            line => Assert.True(line.StartsWith("iamgov: ", StringComparison.Ordinal) || line.StartsWith("standard input:", StringComparison.Ordinal),
                $"{option}: a line of its own, naming its source: {line}"));
    }

    [GeneratedRegex(@"System\.|Governance\.|Exception|   at ")]
    private static partial Regex Internals();
}
