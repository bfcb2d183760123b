using TestSupport.Cli;
using TestSupport.Files;

namespace Governance.Cli.Tests.Commands;

/// <summary>
/// Every command of <c>iamgov</c> with garbage arguments, missing files, unreadable files, folders where files belong
/// and files that are not what they should be: each is answered in lines of its own, never with a stack trace.
/// </summary>
/// <remarks>
/// Rows name their inputs with placeholders, replaced by paths in a folder of the test's own: <c>{missing}</c> (no
/// such file), <c>{folder}</c> (a folder), <c>{unreadable}</c> (mode 000, unreadable unless the tests run as root),
/// <c>{binary}</c> (random bytes with NULs and invalid UTF-8), <c>{empty}</c>, <c>{text}</c> (not JSON), <c>{json}</c>
/// (JSON of the wrong shape). A command added to the CLI must get rows here: <see cref="EveryCommand_HasRows"/> checks.
/// </remarks>
// `token` and `credentials` read Governance__* and IAMGOV_* variables, which the tests of that collection set.
[Collection(CredentialsCommandEnvironmentTests.Name)]
public sealed class HostileInputTests : IDisposable
{
    private static readonly string[] Hostile = ["{missing}", "{folder}", "{unreadable}", "{binary}", "{empty}", "{text}", "{json}"];

    /// <summary>Rows a command may answer with success: what they name is valid, however odd.</summary>
    private static readonly HashSet<string> MaySucceed = new(StringComparer.Ordinal)
    {
        "validate {folder}",                                   // a folder with no policy in it: nothing to find
        "validate {folder} --kind scp --format sarif",
        "simulate --cases {empty}",                            // no cases, so no mismatch
        "--version --help ---",                                // help wins
        "audit-log verify --events {empty} --checkpoints {folder} --public-key tests/data/audit/checkpoint-public-key.pem", // no events, no checkpoints
    };

    private readonly TempFolder _folder = TempFolder.Create();

    public HostileInputTests()
    {
        Directory.CreateDirectory(Path.Combine(_folder, "folder"));
        File.WriteAllText(Path.Combine(_folder, "unreadable"), "{}");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(Path.Combine(_folder, "unreadable"), UnixFileMode.None);
        }
        var random = new Random(15);
        var bytes = new byte[4096];
        random.NextBytes(bytes);
        bytes[0] = 0xFF;
        bytes[10] = 0;
        File.WriteAllBytes(Path.Combine(_folder, "binary"), bytes);
        File.WriteAllText(Path.Combine(_folder, "empty"), "");
        File.WriteAllText(Path.Combine(_folder, "text"), "this is not JSON\n\0 at all");
        File.WriteAllText(Path.Combine(_folder, "json"), """{"Statement": 42, "Version": ["x"], "UserDetailList": "no"}""");
    }

    public void Dispose() => _folder.Dispose();

    /// <summary>Each command with each hostile file where it reads a file or folder, and with garbage values.</summary>
    public static TheoryData<string> Rows() => [.. RowTexts().Distinct(StringComparer.Ordinal)]; // a {file} expanded to {folder} or {empty} can repeat another row

    private static List<string> RowTexts()
    {
        var rows = new List<string>();
        void Files(string template)
        {
            foreach (var input in Hostile)
            {
                rows.Add(template.Replace("{file}", input, StringComparison.Ordinal));
            }
        }
        Files("validate {file}");
        Files("validate {file} --kind scp --format sarif");
        rows.Add("validate");
        rows.Add("validate {json} --kind nonsense");
        Files("can-i s3:GetObject * --as role/x --account {file}");
        Files("can-i s3:GetObject * --as role/x --org {file}");
        Files("can-i s3:GetObject arn:aws:s3:::b/k --as role/x --account {empty} --resource-policy {file}");
        Files("can-i s3:GetObject * --as role/x --account {empty} --scp {file}");
        Files("can-i s3:GetObject * --as role/x --account {empty} --rcp {file}");
        Files("can-i s3:GetObject * --as role/x --account {empty} --vpce {file}");
        Files("can-i s3:GetObject * --as role/data-engineer --org policies/demo-org --vpce {file}");
        rows.Add("can-i");
        rows.Add("can-i \0 \n --as \u202E --account {empty}");
        rows.Add("can-i s3:GetObject * --as role/x --account {empty} --context ===");
        rows.Add("can-i --read s3:// --as role/x --account {empty}");
        rows.Add("can-i --write notaurl --as role/x --account {empty} -o yaml");
        Files("who-can s3:GetObject * --account {file}");
        Files("who-can s3:GetObject * --org {file}");
        rows.Add("who-can");
        rows.Add("who-can ::: ::: --account {empty} --context x");
        Files("what-can role/x --account {file}");
        Files("what-can role/x --org {file} --service s3");
        rows.Add("what-can");
        rows.Add("what-can role/x --as user/y --account {empty} --resource ::::");
        Files("audit --account {file}");
        Files("audit --org {file}");
        Files("audit --account tests/data/accounts/demo-account.json --output-file {file}/report");
        rows.Add("audit");
        rows.Add("audit --account {empty} -o pdf");
        Files("drift --desired {file} --account tests/data/accounts/demo-account.json");
        Files("drift --desired policies --account {file}");
        Files("drift --desired policies --org {file}");
        Files("drift --desired policies --account tests/data/accounts/demo-account.json --previous {file}");
        rows.Add("drift");
        rows.Add("drift --desired policies --org policies/demo-org --roles-account abc");
        Files("simulate --cases {file}");
        rows.Add("simulate");
        rows.Add("simulate --cases {json} --check --explain");
        Files("simulate-custom-policy --cli-input-json {file}");
        Files("simulate-custom-policy --cli-input-json file://{file}");
        rows.Add("simulate-custom-policy --cli-input-json {\"PolicyInputList\":[\"\\ud800\"]}");
        rows.Add("simulate-custom-policy --cli-input-json [");
        Files("bench --cases {file} --seconds 0.1");
        rows.Add("bench --cases tests/data/conformance/edge-cases.jsonl --seconds -1");
        rows.Add("bench --cases tests/data/conformance/edge-cases.jsonl --seconds NaN");
        Files("token --sub alice --role engineer --data-dir {file}");
        rows.Add("token --sub alice --role engineer --minutes 99999999999999");
        rows.Add("token --role root");
        rows.Add("snapshot --max-parallel abc --org --output-dir {folder}/org");
        rows.Add("snapshot --accounts 12,x --org --output-dir {folder}/org");
        rows.Add("snapshot --member-role x");
        rows.Add("snapshot --org");
        rows.Add("credentials --grant not-a-guid");
        rows.Add("credentials --grant 00000000-0000-0000-0000-000000000001 --api notaurl --token t");
        rows.Add("credentials --grant 00000000-0000-0000-0000-000000000001 --api http://127.0.0.1:1 --token t");
        rows.Add("credentials --grant 00000000-0000-0000-0000-000000000001 --api ftp://127.0.0.1/ --token t");
        const string auditKey = "--public-key tests/data/audit/checkpoint-public-key.pem";
        Files($"audit-log verify --database {{file}} --checkpoints {{folder}} {auditKey}");
        Files($"audit-log verify --events {{file}} --checkpoints {{folder}} {auditKey}");
        Files($"audit-log verify --events {{empty}} --checkpoints {{file}} {auditKey}");
        Files("audit-log verify --events {empty} --checkpoints {folder} --public-key {file}");
        Files("audit-log export --database {file}");
        Files("audit-log export --database {file} --output-file {folder}/events.jsonl");
        rows.Add("audit-log");
        rows.Add("audit-log verify");
        rows.Add($"audit-log verify --database {{empty}} --events {{empty}} --checkpoints {{folder}} {auditKey}");
        rows.Add($"audit-log verify --events {{empty}} --checkpoints {{folder}} {auditKey} --output yaml");
        Files("admin backup --to {folder}/backup --data-dir {file}");
        Files("admin backup --to {file} --data-dir {folder}");
        Files("admin restore --from {file} --data-dir {folder}/restored");
        rows.Add("admin backup");
        rows.Add("admin restore --from {folder} --data-dir {folder}/restored --force");
        rows.Add("no-such-command");
        rows.Add("--version --help ---");
        return rows;
    }

    [Theory]
    [MemberData(nameof(Rows))]
    public void Run_HostileInput_AnswersInLinesOfItsOwnWithoutStackTrace(string row)
    {
        // Arrange
        var args = Arguments(row);

        // Act
        var (exit, stdout, stderr) = CliRunner.Run(args);

        // Assert
        var output = stdout + stderr;
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", output, StringComparison.Ordinal);
        Assert.DoesNotContain("--- End of", output, StringComparison.Ordinal);
        Assert.True(exit != 0 || MaySucceed.Contains(row), $"exit 0 for `{row}`; stdout: {stdout}");
        Assert.True(exit == 0 || output.Trim().Length > 0, $"exit {exit} and nothing said for `{row}`");
        // The command answered the input itself, not CliApp's last resort for what a command lets through.
        Assert.DoesNotContain("failed (", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void EveryCommand_HasRows()
    {
        // Arrange
        var commands = Directory.GetFiles(Path.Combine(TestSupport.Paths.RepositoryPaths.Root, "src", "Governance.Cli", "Commands"), "*Command.cs")
            .Select(static f => File.ReadAllText(f))
            .SelectMany(static text => System.Text.RegularExpressions.Regex.Matches(text, "new Command\\(\"([a-z-]+)\"").Select(static m => m.Groups[1].Value))
            .ToArray();
        // A command's subcommands (audit-log verify) are the row's second word.
        var tried = RowTexts().SelectMany(static r => r.Split(' ').Take(2)).ToHashSet(StringComparer.Ordinal);

        // Assert
        Assert.NotEmpty(commands);
        Assert.All(commands, c => Assert.Contains(c, tried));
    }

    private string[] Arguments(string row)
    {
        var args = row.Split(' ');
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            foreach (var name in new[] { "missing", "folder", "unreadable", "binary", "empty", "text", "json" })
            {
                arg = arg.Replace($"{{{name}}}", Path.Combine(_folder, name), StringComparison.Ordinal);
            }
            if (arg.StartsWith("tests/", StringComparison.Ordinal) || arg.StartsWith("policies", StringComparison.Ordinal))
            {
                arg = Path.Combine(TestSupport.Paths.RepositoryPaths.Root, arg);
            }
            args[i] = arg;
        }
        return args;
    }
}
