using System.Text.RegularExpressions;
using TestSupport.Cli;
using TestSupport.Files;
using TestSupport.Paths;

namespace Governance.Cli.Tests.Commands;

/// <summary>
/// Issue 17, errors in the user's words: every command, given a bad value of each kind of option it takes (a GUID, a
/// number, a format, a file that is missing, a folder, broken JSON, invalid UTF-8), answers with exit 2 (1 where the
/// command documents the input's errors as its answer) and one line on standard error that names no .NET type, no
/// exception and none of System.Text.Json's advice to the programmer.
/// </summary>
// `token` reads Governance__* variables, which the tests of that collection set.
[Collection(CredentialsCommandEnvironmentTests.Name)]
public sealed partial class UsageErrorTests : IDisposable
{
    private const string Account = "policies/demo-account.json";
    private const string Cases = "tests/data/conformance/edge-cases.jsonl";
    private const string Key = "tests/data/audit/checkpoint-public-key.pem";
    private const string Grant = "00000000-0000-0000-0000-000000000001";

    /// <summary>The file options, each with {file} where the bad file goes, and the exit code broken content gives.</summary>
    private static readonly (string Row, int BrokenJsonExit)[] FileOptions =
    [
        ($"can-i s3:GetObject * --as role/x --account {{file}}", 2),
        ($"can-i s3:GetObject arn:aws:s3:::b/k --as role/x --account {Account} --resource-policy {{file}}", 2),
        ($"can-i s3:GetObject * --as role/x --account {Account} --scp {{file}}", 2),
        ($"can-i s3:GetObject * --as role/x --account {Account} --rcp {{file}}", 2),
        ($"can-i s3:GetObject * --as role/x --account {Account} --vpce {{file}}", 2),
        ("can-i s3:GetObject * --as role/x --org policies/demo-org --vpce {file}", 2),
        ("who-can s3:GetObject * --account {file}", 2),
        ("what-can role/x --account {file}", 2),
        ("audit --account {file}", 2),
        ("drift --desired policies --account {file}", 2),
        ($"drift --desired policies --account {Account} --previous {{file}}", 2),
        ("simulate --cases {file}", 1), // a malformed case is a failed case, told with its line: the documented 1 (a file not UTF-8 is not read: 2)
        ("bench --cases {file} --seconds 0.01", 2),
        ($"audit-log verify --events {{file}} --checkpoints {{folder}} --public-key {Key}", 2),
        ("audit-log verify --events {empty} --checkpoints {folder} --public-key {file}", 2),
    ];

    /// <summary>Options whose value is a GUID, a number or one of a list, given a value that is none.</summary>
    private static readonly string[] ValueRows =
    [
        "credentials --grant notaguid",
        $"bench --cases {Cases} --seconds abc",
        "token --sub alice --role engineer --minutes abc",
        "token --sub alice --role nope",
        "snapshot --org --output-dir {folder}/org --max-parallel abc",
        $"can-i s3:GetObject * --as role/x --account {Account} -o yaml",
        $"who-can s3:GetObject * --account {Account} -o yaml",
        $"what-can role/x --account {Account} --output yaml",
        $"audit --account {Account} -o Htm",
        $"drift --desired policies --account {Account} -o pdf",
        $"simulate --cases {Cases} -o text",
        $"bench --cases {Cases} -o xml",
        "token --sub alice --role engineer -o yaml",
        "snapshot -o text",
        $"credentials --grant {Grant} -o text",
        $"audit-log verify --events {{empty}} --checkpoints {{folder}} --public-key {Key} -o yaml",
        "audit-log export --database {empty} -o text",
        $"can-i s3:GetObject * --as role/x --account - --scp - ",
    ];

    private readonly TempFolder _folder = TempFolder.Create();

    public UsageErrorTests()
    {
        Directory.CreateDirectory(Path.Combine(_folder, "folder"));
        File.WriteAllText(Path.Combine(_folder, "empty"), "");
        // A trailing comma: System.Text.Json's message for it ends "Change the reader options".
        File.WriteAllText(Path.Combine(_folder, "broken"), "{\"Version\": \"2012-10-17\", \"Statement\": [],}\n");
        File.WriteAllBytes(Path.Combine(_folder, "utf8"), [.. "{\"Version\": \""u8, 0xC0, 0xAF, .. "\"}"u8]);
    }

    public void Dispose() => _folder.Dispose();

    public static TheoryData<string, int> Rows()
    {
        var rows = new TheoryData<string, int>();
        foreach (var (row, brokenJsonExit) in FileOptions)
        {
            rows.Add(row.Replace("{file}", "{missing}", StringComparison.Ordinal), 2);
            rows.Add(row.Replace("{file}", "{folder}", StringComparison.Ordinal), 2);
            rows.Add(row.Replace("{file}", "{broken}", StringComparison.Ordinal), brokenJsonExit);
            rows.Add(row.Replace("{file}", "{utf8}", StringComparison.Ordinal), 2);
        }
        foreach (var row in ValueRows)
        {
            rows.Add(row, 2);
        }
        return rows;
    }

    [Theory]
    [MemberData(nameof(Rows))]
    public void Run_BadValue_OneLineInTheUsersWordsAndExitCode(string row, int exit)
    {
        // Arrange
        var args = Arguments(row);

        // Act
        var (code, stdout, stderr) = CliRunner.Run(args);

        // Assert
        var lines = stderr.TrimEnd().Split('\n');
        Assert.True(code == exit, $"exit {code}, expected {exit}, for `{row}`:\n{stderr}");
        Assert.True(lines.Length == 1 && lines[0].Length > 0, $"`{row}` said {lines.Length} lines:\n{stderr}");
        Assert.DoesNotMatch(Internals(), stderr);
        Assert.DoesNotContain("reader options", stderr, StringComparison.OrdinalIgnoreCase);
        Assert.True(exit == 1 || stdout.Length == 0, $"`{row}` printed an answer: {stdout}");
    }

    [Fact]
    public void Run_MissingFile_SaysItInOneWordingEverywhere()
    {
        // Arrange
        var missing = Path.Combine(_folder, "missing");

        // Act
        var messages = FileOptions.Select(o => CliRunner.Run(Arguments(o.Row.Replace("{file}", "{missing}", StringComparison.Ordinal))).Stderr.Trim()).ToList();

        // Assert
        Assert.All(messages, m => Assert.Equal($"iamgov: {missing}: no such file", m));
    }

    [Fact]
    public void Run_BrokenJson_NamesFileLineAndColumnAndWhatWasExpected()
    {
        // Act
        var (_, _, stderr) = CliRunner.Run(Arguments($"can-i s3:GetObject * --as role/x --account {Account} --scp {{broken}}"));

        // Assert: the reader stops at the `}` after the comma, column 43 of line 1
        Assert.Equal($"iamgov: {Path.Combine(_folder, "broken")}:1:43: invalid JSON: a comma before `}}`; expected another key, as JSON allows no trailing comma",
            stderr.Trim());
    }

    private string[] Arguments(string row)
    {
        var args = row.Trim().Split(' ');
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            foreach (var name in new[] { "missing", "folder", "empty", "broken", "utf8" })
            {
                arg = arg.Replace($"{{{name}}}", Path.Combine(_folder, name), StringComparison.Ordinal);
            }
            args[i] = arg.StartsWith("tests/", StringComparison.Ordinal) || arg.StartsWith("policies", StringComparison.Ordinal) ? Path.Combine(RepositoryPaths.Root, arg) : arg;
        }
        return args;
    }

    [GeneratedRegex(@"System\.|Governance\.|Exception|   at ")]
    private static partial Regex Internals();
}
