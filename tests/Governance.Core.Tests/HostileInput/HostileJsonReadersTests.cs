using System.Text;
using CsCheck;
using Governance.Core.Accounts;
using Governance.Core.Drift;
using Governance.Core.Drift.Guardrails;
using Governance.Core.Drift.Records;
using Governance.Core.Policies.Approvals;
using Governance.Core.Policies.PermissionSets;
using PolicyEngine.Catalog;
using TestSupport.Files;
using TestSupport.Hostile;
using TestSupport.Paths;
using static Governance.Core.Tests.Drift.DriftTestAccount;

namespace Governance.Core.Tests.HostileInput;

/// <summary>
/// Fuzzing of every Core reader of outside JSON (issue 15): a valid document of its kind reads, and the same document
/// with hostile bytes spliced in (lone and reversed surrogate escapes, broken escapes, control characters, invalid
/// UTF-8, byte order marks, deep nesting, large strings, keys twice) is answered with errors, never an exception.
/// </summary>
public sealed class HostileJsonReadersTests : IDisposable
{
    private const int Iterations = 4_000;

    private static readonly PermissionSetCatalog Sets = PermissionSetLoader.LoadDirectory(Path.Combine(RepositoryPaths.Policies, "permission-sets")).Catalog;

    private readonly TempFolder _folder = TempFolder.Create();

    public void Dispose() => _folder.Dispose();

    /// <summary>Each reader, with a valid document of its kind and a function that reads bytes and says whether it read them.</summary>
    public static TheoryData<string> Readers => [.. ReaderTable.Keys];

    private static readonly Dictionary<string, (Func<byte[]> Valid, Func<byte[], TempFolder, (bool Read, string Errors)> Read)> ReaderTable = new()
    {
        ["account-snapshot"] = (static () => Bytes("""
            {"UserDetailList":[{"UserName":"alice","UserId":"AIDA1","Arn":"arn:aws:iam::111122223333:user/alice","GroupList":["devs"],"UserPolicyList":[],"AttachedManagedPolicies":[],"Tags":[{"Key":"team","Value":"data"}]}],
             "GroupDetailList":[],"RoleDetailList":[{"RoleName":"app","Arn":"arn:aws:iam::111122223333:role/app","AssumeRolePolicyDocument":"%7B%22Version%22%3A%222012-10-17%22%2C%22Statement%22%3A%5B%5D%7D","RolePolicyList":[{"PolicyName":"p","PolicyDocument":{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*"}]}}]}],
             "Policies":[]}
            """),
            static (bytes, _) =>
            {
                var result = AccountSnapshotReader.Read(bytes);
                return (result.Success, string.Join("; ", result.Errors));
            }),
        ["permission-set"] = (static () => File.ReadAllBytes(Path.Combine(RepositoryPaths.Policies, "permission-sets", "lake-read.json")),
            static (bytes, _) =>
            {
                var errors = new List<PolicyFileError>();
                var set = PermissionSetLoader.Read("lake-read.json", Encoding.UTF8.GetString(bytes), ActionCatalog.Default, errors);
                return (set is not null, string.Join("; ", errors));
            }),
        ["approval-rules"] = (static () => File.ReadAllBytes(Path.Combine(RepositoryPaths.Policies, "approval-rules.json")),
            static (bytes, _) =>
            {
                var (rules, errors) = ApprovalRulesLoader.Read("approval-rules.json", Encoding.UTF8.GetString(bytes), Sets);
                return (rules is not null, string.Join("; ", errors));
            }),
        ["role-as-code"] = (static () => File.ReadAllBytes(Path.Combine(RepositoryPaths.Policies, "roles", "data-analyst.json")),
            static (bytes, _) =>
            {
                var errors = new List<PolicyFileError>();
                var role = RoleDefinitionLoader.Read("data-analyst.json", Encoding.UTF8.GetString(bytes), errors);
                return (role is not null && errors.Count == 0, string.Join("; ", errors));
            }),
        ["guardrail-attachments"] = (static () => File.ReadAllBytes(Path.Combine(RepositoryPaths.Policies, "guardrails", GuardrailDefinitionLoader.AttachmentsFileName)),
            static (bytes, folder) =>
            {
                // The loader reads a folder: the repository's guardrails, with this attachments file.
                var guardrails = Path.Combine(folder, "guardrails");
                if (!Directory.Exists(guardrails))
                {
                    FolderCopy.Copy(Path.Combine(RepositoryPaths.Policies, "guardrails"), guardrails);
                }
                File.WriteAllBytes(Path.Combine(guardrails, GuardrailDefinitionLoader.AttachmentsFileName), bytes);
                var (_, errors) = GuardrailDefinitionLoader.LoadDirectory(guardrails);
                return (errors.IsEmpty, string.Join("; ", errors));
            }),
        ["exclusions"] = (static () => File.ReadAllBytes(Path.Combine(RepositoryPaths.Policies, Governance.Core.Exclusions.ExclusionsFile.FileName)),
            static (bytes, _) =>
            {
                var read = Governance.Core.Exclusions.ExclusionsReader.Read(bytes, "exclusions.json", new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero),
                    DriftExclusions.KnownRules);
                return (read.Success, string.Join("; ", read.Problems.Select(static p => $"line {p.Line} column {p.Column}: {p.Message}")));
            }),
        ["drift-report"] = (static () => Bytes(DriftReportJson.Write(DriftAudit.Run(Guid.Empty, Desired(Role("analyst", ("read-lake", ReadLake))),
                State(AccountRole("analyst", ("read-lake", ReadLake)), AccountRole("shadow", ("admin", Policy("*", "*")))), Now, previous: null))),
            static (bytes, _) =>
            {
                var read = DriftReportJson.Read(Encoding.UTF8.GetString(bytes), "previous.json");
                return (read.Success, read.Error?.Detail ?? string.Empty);
            }),
    };

    [Theory]
    [MemberData(nameof(Readers))]
    public void Read_ValidDocument_Reads(string reader)
    {
        var (valid, read) = ReaderTable[reader];

        var (ok, errors) = read(valid(), _folder);

        Assert.True(ok, errors);
    }

    [Theory]
    [MemberData(nameof(Readers))]
    public void Read_HostileDocument_AnswersWithErrorsNeverThrows(string reader)
    {
        var (valid, read) = ReaderTable[reader];
        var folder = _folder;

        HostileJson.Around(valid()).Sample(bytes =>
        {
            var (ok, errors) = read(bytes, folder);

            Assert.True(ok || errors.Length > 0, "a document not read says why");
        }, iter: reader == "guardrail-attachments" ? Iterations / 4 : Iterations, threads: 1);
    }

    [Theory]
    [MemberData(nameof(Readers))]
    public void Read_LoneSurrogateInAString_IsRefusedWithItsPlace(string reader)
    {
        // Arrange: the reproduction of issue 15 in each reader, a lone surrogate escape in the document's first string
        var (valid, read) = ReaderTable[reader];
        var bytes = valid();
        var at = Array.IndexOf(bytes, (byte)'"', Array.IndexOf(bytes, (byte)':') + 1) + 1;
        byte[] hostile = [.. bytes[..at], .. @"\ud800"u8, .. bytes[at..]];

        // Act
        var (ok, errors) = read(hostile, _folder);

        // Assert
        Assert.False(ok);
        Assert.Contains("lone surrogate `\\ud800`", errors, StringComparison.Ordinal);
        Assert.Matches(@"line \d+.*column \d+", errors);
    }

    [Fact]
    public void AccountSnapshotRead_Utf16File_SaysSoInsteadOfReadingGarbage()
    {
        byte[] utf16 = [0xFF, 0xFE, .. Encoding.Unicode.GetBytes("{\"UserDetailList\":[]}")];

        var result = AccountSnapshotReader.Read(utf16);

        Assert.Contains("UTF-16", Assert.Single(result.Errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AccountSnapshotReadAsync_LoneSurrogate_IsAnErrorWithLineAndPath()
    {
        // Before issue 15 this threw InvalidOperationException out of the reader.
        using var stream = new MemoryStream(Bytes("{\"UserDetailList\":[\n{\"UserName\":\"\\udc00\",\"Arn\":\"arn:aws:iam::111122223333:user/a\"}]}"));

        var result = await AccountSnapshotReader.ReadAsync(stream);

        var error = Assert.Single(result.Errors);
        Assert.Equal(("UserDetailList[0].UserName", 2), (error.Path, error.Line));
        Assert.StartsWith("invalid escape: lone surrogate `\\udc00`", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AccountSnapshotRead_KeyTwice_IsRefusedWithItsPath()
    {
        var result = AccountSnapshotReader.Read("{\"RoleDetailList\":[{\"RoleName\":\"a\",\"RoleName\":\"b\",\"Arn\":\"arn:aws:iam::111122223333:role/b\"}]}");

        var error = Assert.Single(result.Errors);
        Assert.Equal("RoleDetailList[0].RoleName", error.Path);
        Assert.StartsWith("duplicate key `RoleName`", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PermissionSetRead_KeyTwice_IsRefused()
    {
        var errors = new List<PolicyFileError>();
        var json = Encoding.UTF8.GetString(File.ReadAllBytes(Path.Combine(RepositoryPaths.Policies, "permission-sets", "lake-read.json")));

        var set = PermissionSetLoader.Read("lake-read.json", json.Insert(json.IndexOf('{') + 1, "\"maxDurationHours\":168,"), ActionCatalog.Default, errors);

        Assert.Null(set);
        Assert.Contains(errors, static e => e.JsonPath == "maxDurationHours" && e.Message.StartsWith("duplicate key", StringComparison.Ordinal));
    }

    [Fact]
    public void DriftCompare_SnapshotTrustPolicyEncodedWithLoneSurrogate_IsDriftNotAnException()
    {
        // Arrange: IAM's API form, a URL-encoded document string, is decoded after the snapshot's text was checked
        var desired = Desired(Role("analyst", ("read-lake", ReadLake)));
        var hostile = Trust.Replace("sts:AssumeRole", "sts:Assume\\ud800Role", StringComparison.Ordinal);
        var role = AccountRole("analyst", ("read-lake", ReadLake));
        role["AssumeRolePolicyDocument"] = Uri.EscapeDataString(hostile);

        // Act
        var findings = DriftCalculator.Compare(desired, State(role), Now);

        // Assert
        Assert.Contains(findings, static f => f.Kind == DriftKind.PolicyDrift && f.Principal == Analyst);
    }

    [Theory]
    [InlineData("utf-16", "the text is UTF-16 (it starts with a UTF-16 byte order mark); expected UTF-8 at line 1 column 1")]
    [InlineData("invalid-utf-8", "invalid UTF-8: byte `0xED`")]
    public void LoadDirectory_FileNotUtf8_IsNamedInsteadOfReadAsReplacementCharacters(string kind, string message)
    {
        // Arrange: a decoder would read these as a valid file (UTF-16) or with U+FFFD in place of the bytes
        var json = File.ReadAllText(Path.Combine(RepositoryPaths.Policies, "permission-sets", "lake-read.json"));
        byte[] bytes = kind == "utf-16"
            ? [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(json)]
            : [.. Encoding.UTF8.GetBytes(json[..20]), 0xED, 0xA0, 0x80, .. Encoding.UTF8.GetBytes(json[20..])];
        var sets = Path.Combine(_folder, "permission-sets");
        var roles = Path.Combine(_folder, "roles");
        Directory.CreateDirectory(sets);
        Directory.CreateDirectory(roles);
        File.WriteAllBytes(Path.Combine(sets, "lake-read.json"), bytes);
        File.WriteAllBytes(Path.Combine(roles, "lake-read.json"), bytes);

        // Act
        var setErrors = PermissionSetLoader.LoadDirectory(sets).Errors;
        var roleErrors = RoleDefinitionLoader.LoadDirectory(roles).Errors;

        // Assert
        Assert.StartsWith(message, Assert.Single(setErrors).Message, StringComparison.Ordinal);
        Assert.StartsWith(message, Assert.Single(roleErrors).Message, StringComparison.Ordinal);
    }

    private static byte[] Bytes(string text) => Encoding.UTF8.GetBytes(text);
}
