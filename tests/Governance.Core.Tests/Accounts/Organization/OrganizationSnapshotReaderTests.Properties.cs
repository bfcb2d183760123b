using System.Text;
using System.Text.Json.Nodes;
using CsCheck;
using Governance.Core.Accounts;
using Governance.Core.Accounts.Organization;
using TestSupport.Files;
using TestSupport.Paths;

namespace Governance.Core.Tests.Accounts.Organization;

/// <summary>
/// Fuzz-style properties: whatever the bytes, the reader returns errors and never throws; and for generated, valid
/// organisations, the path and SCP/RCP levels agree with a naive reading of the same file.
/// </summary>
public sealed partial class OrganizationSnapshotReaderTests
{
    private static readonly byte[][] Seeds =
    [
        File.ReadAllBytes(TestData.Path("organizations", "minimal", "organization.json")),
        File.ReadAllBytes(TestData.Path("organizations", "minimal", "accounts", "111111111111", "resources.json")),
        File.ReadAllBytes(TestData.Path("organizations", "cli-shapes", "accounts", "111111111111", "resources.json")),
        File.ReadAllBytes(TestData.Path("organizations", "minimal", "accounts", "111111111111", "authorization-details.json")),
    ];

    /// <summary>Byte runs that break JSON, UTF-8 or string escapes in the ways real files and hostile input do.</summary>
    private static readonly byte[][] Snippets =
    [
        .. new[]
        {
            "\\uD800", "\\uDFFF", "\\uD83D\\uDE00", "\\u", "\\u12", "\\uZZZZ", "\\x", "\\", "\"", "{", "}", "[", "]", ",", ":", "null", "true",
            "1e999", "-0", "\\u0000", "é", "\"Id\":\"1\"", "\"ParentId\":\"r-x\"", "\"Type\":\"ROOT\"", "[[[[[[[[", "]]]]", "//", "/*",
        }.Select(Encoding.UTF8.GetBytes),
        [0xFF], [0xC3], [0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xEF, 0xBB, 0xBF], [0xFF, 0xFE], [0x00], [0x0A], [0xF4, 0x90, 0x80, 0x80],
    ];

    private static readonly string[] Keys =
    [
        "Organization", "Id", "Arn", "MasterAccountId", "Roots", "Name", "PolicyTypes", "Type", "Status", "OrganizationalUnits", "ParentId",
        "Accounts", "State", "Policies", "PolicySummary", "AwsManaged", "Content", "Targets", "TargetId", "Policy", "Buckets", "Region",
        "PublicAccessBlock", "PublicAccessBlockConfiguration", "BlockPublicAcls", "OwnershipControls", "Rules", "ObjectOwnership", "Encryption",
        "ServerSideEncryptionConfiguration", "ApplyServerSideEncryptionByDefault", "SSEAlgorithm", "KMSMasterKeyID", "BucketKeyEnabled",
        "KmsKeys", "KeyId", "KeyManager", "Other", "UserDetailList", "RoleDetailList", "RoleName", "AssumeRolePolicyDocument",
    ];

    private static readonly string[] Strings =
    [
        "123456789012", "111111111111", "r-examplerootid111", "ou-examplerootid111-exampleouid111", "p-FullAWSAccess", "SERVICE_CONTROL_POLICY",
        "RESOURCE_CONTROL_POLICY", "TAG_POLICY", "ROOT", "ORGANIZATIONAL_UNIT", "ACCOUNT", "ENABLED", "PENDING_ENABLE", "aws:kms", "AES256",
        "BucketOwnerEnforced", "arn:aws:kms:eu-west-1:111111111111:key/k", "k", "arn:aws:sqs:eu-west-1:111111111111:q", "arn:aws:s3:::b",
        """{"Version":"2012-10-17","Statement":[]}""", "{", "", "x", "a\u0000b",
    ];

    /// <summary>A seed file with one to six byte-level mutations: deletions, insertions of <see cref="Snippets"/>, flips, repeats.</summary>
    private static readonly Gen<byte[]> MutatedBytes =
        Gen.Select(Gen.Int[0, Seeds.Length - 1], Gen.Select(Gen.Int[0, 3], Gen.Int[0, int.MaxValue], Gen.Int[1, 40], Gen.Int[0, Snippets.Length - 1], Gen.Byte).Array[1, 6])
            .Select(static t => Mutate(Seeds[t.Item1], t.Item2));

    /// <summary>A seed file, parsed, with one to three of its values replaced by random JSON built from the files' own keys and values.</summary>
    private static readonly Gen<byte[]> MutatedTrees =
        Gen.Select(Gen.Int[0, Seeds.Length - 1], Gen.Select(Gen.Int[0, int.MaxValue], Value(3)).Array[1, 3])
            .Select(static t => Graft(Seeds[t.Item1], t.Item2));

    [Fact]
    public void Parse_RandomBytes_ReportsErrorsAndNeverThrows()
        => Gen.Byte.Array[0, 300].Sample(static bytes => ReadInMemory(bytes), iter: 5_000);

    [Fact]
    public void Parse_MutatedFileBytes_ReportsErrorsAndNeverThrows()
        => MutatedBytes.Sample(static bytes => ReadInMemory(bytes), iter: 5_000);

    [Fact]
    public void Parse_FilesWithValuesOfRandomShape_ReportsErrorsAndNeverThrows()
        => MutatedTrees.Sample(static bytes => ReadInMemory(bytes), iter: 5_000);

    [Fact]
    public void ReadFolder_MutatedFiles_ReturnsASnapshotExactlyWhenThereAreNoErrors()
    {
        Gen.Select(Gen.OneOf(MutatedBytes, MutatedTrees), Gen.OneOf(MutatedBytes, MutatedTrees), Gen.Int[0, 2]).Sample(static t =>
        {
            // Arrange: one file of the folder broken, the others as they were.
            var (broken, other, which) = t;
            using var folder = TempFolder.Create()
                .Write("organization.json", which == 0 ? broken : Seeds[0])
                .Write("accounts/111111111111/resources.json", which == 1 ? broken : Seeds[1])
                .Write("accounts/111111111111/authorization-details.json", which == 2 ? broken : Seeds[3])
                .Write("accounts/123456789012/resources.json", other);

            // Act
            var result = OrganizationSnapshotReader.ReadFolder(folder.Path);

            // Assert
            Assert.Equal(result.Errors.IsEmpty, result.Snapshot is not null);
            Assert.All(result.Errors.Concat(result.Warnings), static p => Assert.False(string.IsNullOrEmpty(p.Message)));
            if (result.Snapshot is { } snapshot)
            {
                Touch(snapshot);
            }
        }, iter: 400, threads: 1);
    }

    [Fact]
    public void ReadAccountFile_MutatedExport_ReturnsASnapshotExactlyWhenThereAreNoErrors()
    {
        MutatedBytes.Sample(static bytes =>
        {
            // Arrange
            using var folder = TempFolder.Create().Write("export.json", bytes);

            // Act
            var result = OrganizationSnapshotReader.Read(Path.Combine(folder.Path, "export.json"));

            // Assert
            Assert.Equal(result.Errors.IsEmpty, result.Snapshot is not null);
            if (result.Snapshot is { } snapshot)
            {
                Assert.False(snapshot.ResourcePoliciesKnown);
                Touch(snapshot);
            }
        }, iter: 300, threads: 1);
    }

    [Fact]
    public void ControlPolicyLevels_GeneratedOrganizations_AgreeWithANaiveReadingOfTheFile()
    {
        GeneratedOrganization.Sample(static org =>
        {
            // Arrange
            using var folder = TempFolder.Create().Write("organization.json", org.Json.ToJsonString());

            // Act
            var result = OrganizationSnapshotReader.ReadFolder(folder.Path);

            // Assert
            Assert.True(result.Success, string.Join("\n", result.Errors) + "\n" + org.Json);
            var snapshot = result.Snapshot!;
            foreach (var (account, parent) in org.AccountList)
            {
                var path = snapshot.PathTo(account);
                var expectedPath = org.PathTo(parent).Append(account).ToArray();
                Assert.Equal(expectedPath, path.Select(static n => n.Id));
                if (account == org.Management)
                {
                    Assert.Empty(snapshot.ServiceControlPolicyLevels(account));
                    Assert.Empty(snapshot.ResourceControlPolicyLevels(account));
                    continue;
                }
                var scp = snapshot.ServiceControlPolicyLevels(account);
                var rcp = snapshot.ResourceControlPolicyLevels(account);
                Assert.Equal(org.PolicyList.Any(static p => p.Type == "SERVICE_CONTROL_POLICY") ? expectedPath.Length : 0, scp.Length);
                Assert.Equal(org.PolicyList.Any(static p => p.Type == "RESOURCE_CONTROL_POLICY") ? expectedPath.Length : 0, rcp.Length);
                for (var i = 0; i < scp.Length; i++)
                {
                    Assert.Equal(org.Attached(expectedPath[i], "SERVICE_CONTROL_POLICY"), scp[i].Policies.Select(static p => p.Id));
                }
                for (var i = 0; i < rcp.Length; i++)
                {
                    Assert.Equal(["p-RCPFullAWSAccess", .. org.Attached(expectedPath[i], "RESOURCE_CONTROL_POLICY")], rcp[i].Policies.Select(static p => p.Id));
                }
            }
        }, iter: 300, threads: 1);
    }

    /// <summary>Everything the in-memory readers do with one file's bytes, as organisation, resources and IAM file alike.</summary>
    private static void ReadInMemory(byte[] bytes)
    {
        var problems = new ProblemLog(50);
        var log = problems.For("fuzz.json");
        using (var document = JsonFile.Parse(bytes, 64, log))
        {
            if (document is not null)
            {
                var reader = new FieldReader(log, OrganizationReadLimits.Default);
                if (OrganizationFileReader.Read(document.RootElement, reader) is { } file)
                {
                    Touch(new OrganizationSnapshot(file.Organization, file.Roots, file.OrganizationalUnits, file.Accounts, file.Policies,
                        file.ServiceControlPoliciesEnabled, file.ResourceControlPoliciesEnabled, [], resourcePoliciesKnown: true));
                }
                _ = ResourcesFileReader.Read(document.RootElement, reader, "111111111111");
                _ = AccountSnapshotReader.Read(document.RootElement);
            }
        }
        log.Flush(bytes, 64);
        Assert.All(problems.Errors, static e => Assert.Equal("fuzz.json", e.File));
    }

    /// <summary>Every question the snapshot answers, asked of every account it knows.</summary>
    private static void Touch(OrganizationSnapshot snapshot)
    {
        foreach (var id in snapshot.Accounts.Select(static a => a.Id).Concat(snapshot.Contents.Select(static c => c.AccountId)).Append("000000000000"))
        {
            _ = snapshot.PathTo(id);
            _ = snapshot.ServiceControlPolicyLevels(id);
            _ = snapshot.ResourceControlPolicyLevels(id);
            _ = snapshot.ServiceControlPolicyExemption(id);
            _ = snapshot.IsInOrganization(id);
        }
        _ = snapshot.FindBucketForArn("arn:aws:s3:::b/k");
        _ = snapshot.FindKmsKey("k");
        _ = snapshot.OutsideAccountIds.ToArray();
    }

    private static byte[] Mutate(byte[] seed, (int Kind, int Position, int Length, int Snippet, byte Byte)[] mutations)
    {
        var bytes = new List<byte>(seed);
        foreach (var (kind, position, length, snippet, value) in mutations)
        {
            var at = bytes.Count == 0 ? 0 : position % bytes.Count;
            switch (kind)
            {
                case 0:
                    bytes.RemoveRange(at, Math.Min(length, bytes.Count - at));
                    break;
                case 1:
                    bytes.InsertRange(at, Snippets[snippet]);
                    break;
                case 2 when bytes.Count > 0:
                    bytes[at] = value;
                    break;
                default:
                    bytes.InsertRange(at, bytes.GetRange(at, Math.Min(length, bytes.Count - at)));
                    break;
            }
        }
        return [.. bytes];
    }

    private static byte[] Graft(byte[] seed, (int Slot, JsonNode? Value)[] grafts)
    {
        var root = JsonNode.Parse(seed)!;
        foreach (var (slot, value) in grafts)
        {
            var slots = new List<(JsonNode Parent, string? Key, int Index)>();
            Collect(root, slots);
            if (slots.Count == 0)
            {
                break;
            }
            var (parent, key, index) = slots[slot % slots.Count];
            if (key is not null)
            {
                parent.AsObject()[key] = value;
            }
            else
            {
                parent.AsArray()[index] = value;
            }
        }
        return Encoding.UTF8.GetBytes(root.ToJsonString());

        static void Collect(JsonNode node, List<(JsonNode, string?, int)> slots)
        {
            switch (node)
            {
                case JsonObject obj:
                    foreach (var (key, child) in obj.ToArray())
                    {
                        slots.Add((obj, key, 0));
                        if (child is not null)
                        {
                            Collect(child, slots);
                        }
                    }
                    break;
                case JsonArray array:
                    for (var i = 0; i < array.Count; i++)
                    {
                        slots.Add((array, null, i));
                        if (array[i] is { } child)
                        {
                            Collect(child, slots);
                        }
                    }
                    break;
            }
        }
    }

    /// <summary>Random JSON of at most <paramref name="depth"/> levels, from the snapshot files' own keys and values.</summary>
    private static Gen<JsonNode?> Value(int depth)
    {
        var leaf = Gen.OneOf(
            Gen.OneOf(Strings).Select(static s => (JsonNode?)JsonValue.Create(s)),
            Gen.Int.Select(static i => (JsonNode?)JsonValue.Create(i)),
            Gen.Bool.Select(static b => (JsonNode?)JsonValue.Create(b)),
            Gen.Const((JsonNode?)null));
        if (depth == 0)
        {
            return leaf;
        }
        var child = Value(depth - 1);
        var obj = Gen.Select(Gen.OneOf(Keys), child).Array[0, 4].Select(static entries =>
        {
            var o = new JsonObject();
            foreach (var (key, value) in entries)
            {
                o[key] = value;
            }
            return (JsonNode?)o;
        });
        var array = child.Array[0, 3].Select(static items => (JsonNode?)new JsonArray(items));
        return Gen.Frequency<JsonNode?>((3, leaf), (2, obj), (1, array));
    }

    /// <summary>A valid organisation: OUs at most five deep, accounts anywhere, SCPs and RCPs attached at random.</summary>
    private static readonly Gen<GeneratedOrg> GeneratedOrganization =
        Gen.Select(Gen.Int[0, 7].SelectMany(static n => Gen.Int[0, 1_000].Array[n]), Gen.Int[0, 1_000].Array[1, 5], Gen.Bool,
                Gen.Select(Gen.Bool, Gen.Int[0, 1_000].Array[0, 6]).Array[0, 5])
            .Select(static t => GeneratedOrg.Build(t.Item1, t.Item2, t.Item3, t.Item4));

    /// <summary>A generated organisation with what a naive reading of its file says.</summary>
    private sealed record GeneratedOrg(JsonObject Json, string Management, Dictionary<string, string> Parents,
        List<(string Account, string Parent)> AccountList, List<(string Id, string Type, string[] Targets)> PolicyList)
    {
        private const string Root = "r-gen0";

        public List<string> PathTo(string node)
        {
            var path = new List<string>();
            for (var at = node; ; at = Parents[at])
            {
                path.Add(at);
                if (at == Root)
                {
                    break;
                }
            }
            path.Reverse();
            return path;
        }

        public IEnumerable<string> Attached(string node, string type)
            => PolicyList.Where(p => p.Type == type && p.Targets.Contains(node)).Select(static p => p.Id);

        public static GeneratedOrg Build(int[] ouParents, int[] accountParents, bool listManagement, (bool Scp, int[] Targets)[] policies)
        {
            var parents = new Dictionary<string, string>();
            var depth = new Dictionary<string, int> { [Root] = 0 };
            var containers = new List<string> { Root };
            var units = new JsonArray();
            for (var i = 0; i < ouParents.Length; i++)
            {
                var candidates = containers.Where(c => depth[c] < 5).ToArray();
                var parent = candidates[ouParents[i] % candidates.Length];
                var id = $"ou-gen0-unit{i:0000}";
                (parents[id], depth[id]) = (parent, depth[parent] + 1);
                containers.Add(id);
                units.Add(new JsonObject { ["Id"] = id, ["Name"] = $"Unit{i}", ["ParentId"] = parent });
            }
            const string management = "100000000000";
            var accounts = new List<(string, string)>();
            var accountsJson = new JsonArray();
            for (var i = 0; i < accountParents.Length; i++)
            {
                var id = $"{100000000000 + i}";
                var parent = containers[accountParents[i] % containers.Count];
                if (id == management && !listManagement)
                {
                    continue;
                }
                parents[id] = parent;
                accounts.Add((id, parent));
                accountsJson.Add(new JsonObject { ["Id"] = id, ["Name"] = $"account{i}", ["Status"] = "ACTIVE", ["ParentId"] = parent });
            }
            var targets = containers.Concat(accounts.Select(static a => a.Item1)).ToArray();
            var listed = new List<(string, string, string[])>();
            var policiesJson = new JsonArray();
            for (var i = 0; i < policies.Length; i++)
            {
                var type = policies[i].Scp ? "SERVICE_CONTROL_POLICY" : "RESOURCE_CONTROL_POLICY";
                var attached = policies[i].Targets.Select(t => targets[t % targets.Length]).Distinct().ToArray();
                var id = $"p-generated{i}";
                listed.Add((id, type, attached));
                policiesJson.Add(new JsonObject
                {
                    ["PolicySummary"] = new JsonObject { ["Id"] = id, ["Name"] = $"Policy{i}", ["Type"] = type },
                    ["Content"] = policies[i].Scp
                        ? """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}"""
                        : """{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Principal":"*","Action":"s3:*","Resource":"*"}]}""",
                    ["Targets"] = new JsonArray([.. attached.Select(t => (JsonNode)new JsonObject
                    {
                        ["TargetId"] = t,
                        ["Type"] = t == Root ? "ROOT" : t.StartsWith("ou-", StringComparison.Ordinal) ? "ORGANIZATIONAL_UNIT" : "ACCOUNT",
                    })]),
                });
            }
            var json = new JsonObject
            {
                ["Organization"] = new JsonObject { ["Id"] = "o-generated01", ["MasterAccountId"] = management },
                ["Roots"] = new JsonArray(new JsonObject { ["Id"] = Root, ["Name"] = "Root" }),
                ["OrganizationalUnits"] = units,
                ["Accounts"] = accountsJson,
                ["Policies"] = policiesJson,
            };
            return new GeneratedOrg(json, management, parents, accounts, listed);
        }
    }
}
