using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CsCheck;
using Governance.Cli.Validation;
using PolicyEngine.Diagnostics;
using PolicyEngine.Syntax;
using TestSupport.Cli;
using TestSupport.Files;
using TestSupport.Hostile;

namespace Governance.Cli.Tests.Validation;

/// <summary>
/// The readers of role and permission-set files take outside input: for any bytes they answer with findings (an error
/// whenever the text cannot be read) or a skip, placed in the file, and never throw.
/// </summary>
public sealed class RepositoryFilesPropertyTests : IDisposable
{
    private static readonly byte[] ValidRole = Encoding.UTF8.GetBytes("""
        {"name": "app", "path": "/",
         "trustPolicy": {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Service": "ec2.amazonaws.com"}, "Action": "sts:AssumeRole"}]},
         "inlinePolicies": {"read": {"Version": "2012-10-17", "Statement": [{"Sid": "Read", "Effect": "Allow", "Action": ["s3:GetObject"], "Resource": "arn:aws:s3:::lake/*"}]}},
         "attachedPolicies": ["arn:aws:iam::111122223333:policy/Base"], "permissionsBoundary": "arn:aws:iam::111122223333:policy/Boundary",
         "tags": {"team": "data"}}
        """);

    private static readonly byte[] ValidSet = Encoding.UTF8.GetBytes("""
        {"name": "lake-read", "description": "Read the lake.",
         "statements": [{"sid": "Read", "actions": ["s3:GetObject"], "resources": ["{{objects}}"]}, {"actions": ["s3:ListBucket"], "resources": ["{{bucket}}"]}],
         "allowedResources": ["arn:aws:s3:::lake-*"], "maxDurationHours": 4, "approvalsRequired": 1, "requesterRoles": ["engineer"]}
        """);

    private static readonly string[] Keys =
    [
        "name", "path", "description", "trustPolicy", "inlinePolicies", "attachedPolicies", "permissionsBoundary", "tags",
        "statements", "sid", "actions", "resources", "allowedResources", "maxDurationHours", "approvalsRequired", "requesterRoles",
        "Version", "Statement", "Statment", "Sid", "Effect", "Action", "Resource", "Principal", "Condition", "AWS", "Service", "x",
    ];

    private static readonly string[] Words =
    [
        "Allow", "Allw", "Deny", "sts:AssumeRole", "s3:GetObject", "s3:*", "*", "{{bucket}}", "{{objects}}", "{{resource}}", "{{nope}}",
        "arn:aws:s3:::lake-*", "arn:aws:iam::111122223333:policy/P", "arn:aws:iam::111122223333:role/R", "2012-10-17", "engineer", "app",
        "lake-read", "", "/",
    ];

    private static readonly Gen<JsonNode?> Leaf = Gen.Frequency(
        (4, Gen.OneOf(Words).Select(static s => (JsonNode?)JsonValue.Create(s))),
        (2, Gen.String.Select(static s => (JsonNode?)JsonValue.Create(s))),
        (1, Gen.Int.Select(static i => (JsonNode?)JsonValue.Create(i))),
        (1, Gen.Bool.Select(static b => (JsonNode?)JsonValue.Create(b))),
        (1, Gen.Const((JsonNode?)null)));

    /// <summary>Objects whose keys are mostly the fields of roles, permission sets and policies, nested up to four deep.</summary>
    private static readonly Gen<JsonNode?> AnyRepositoryJson = Node(4);

    private readonly TempFolder _folder = TempFolder.Create();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Validate_HostileBytesAroundARoleOrPermissionSet_AnswersWithAnErrorAtAPlaceAndNeverThrows()
    {
        Gen.Select(Gen.Bool, Gen.Bool).SelectMany(static p => HostileJson.Around(p.Item1 ? ValidRole : ValidSet).Select(b => (p.Item1, p.Item2, b)))
            .Sample(static (isRole, named, bytes) =>
            {
                // Act
                var classified = FileClassifier.Classify(FullPath(isRole), bytes, named);
                var report = isRole
                    ? RoleFileValidator.Validate("x.json", FullPath(isRole), bytes)
                    : PermissionSetFileValidator.Validate("x.json", FullPath(isRole), bytes);

                // Assert
                Assert.NotNull(classified.Kind); // a file under roles/ or permission-sets/ is never skipped
                var rules = new JsonTextRules(MaxDepth: isRole ? 64 : 32, AllowComments: true, RefuseDuplicateKeys: true);
                if (JsonTextCheck.Check(bytes, rules) is not null)
                {
                    Assert.Contains(report.Findings, static f => f.Diagnostic.Severity == Severity.Error);
                }
                AssertPlaced(report, bytes);
            }, iter: 1_000);
    }

    [Fact]
    public void Validate_AnyJsonAsRoleOrPermissionSet_AnswersWithPlacedFindingsAndNeverThrows()
    {
        Gen.Select(AnyRepositoryJson, Gen.Bool).Sample(static (node, isRole) =>
        {
            // Arrange
            var bytes = Encoding.UTF8.GetBytes(node?.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) ?? "null");

            // Act
            var report = isRole
                ? RoleFileValidator.Validate("x.json", FullPath(isRole), bytes)
                : PermissionSetFileValidator.Validate("x.json", FullPath(isRole), bytes);
            var classified = FileClassifier.Classify(Path.Combine(Path.GetTempPath(), "other", "x.json"), bytes, named: false);

            // Assert
            AssertPlaced(report, bytes);
            Assert.True(classified.Kind is not null || classified.SkipReason is { Length: > 0 });
        }, iter: 2_000);
    }

    [Fact]
    public void Validate_FolderOfRandomRepositoryFiles_AnswersOrSkipsEveryFile()
    {
        Gen.Select(AnyRepositoryJson, HostileJson.Around(ValidRole), HostileJson.Around(ValidSet), AnyRepositoryJson).Sample((other, role, set, scp) =>
        {
            // Arrange
            var root = Path.Combine(_folder, Guid.NewGuid().ToString("N"));
            WriteFile(root, "roles/app.json", role);
            WriteFile(root, "permission-sets/lake-read.json", set);
            WriteFile(root, "guardrails/scp/deny.json", Encoding.UTF8.GetBytes(scp?.ToJsonString() ?? "null"));
            WriteFile(root, "other/x.json", Encoding.UTF8.GetBytes(other?.ToJsonString() ?? "null"));

            // Act
            var (exit, stdout, stderr) = CliRunner.Run("validate", root, "-o", "json");

            // Assert
            Assert.True(exit is 0 or 1, stderr);
            Assert.DoesNotContain("failed (", stderr, StringComparison.Ordinal);
            using var json = JsonDocument.Parse(stdout);
            var answered = json.RootElement.GetProperty("files").EnumerateArray().Select(static f => f.GetProperty("path").GetString()!)
                .Concat(json.RootElement.GetProperty("skipped").EnumerateArray().Select(static f => f.GetProperty("path").GetString()!))
                .ToList();
            Assert.Equal(4, answered.Count);
            Assert.Contains(json.RootElement.GetProperty("files").EnumerateArray(), static f => f.GetProperty("path").GetString()!.EndsWith("roles/app.json", StringComparison.Ordinal));
            Assert.Contains(json.RootElement.GetProperty("files").EnumerateArray(), static f => f.GetProperty("path").GetString()!.EndsWith("scp/deny.json", StringComparison.Ordinal));
        }, iter: 40);
    }

    private static string FullPath(bool isRole) => Path.Combine(Path.GetTempPath(), isRole ? "roles" : "permission-sets", "x.json");

    /// <summary>Every finding stands on a line and column of the file.</summary>
    private static void AssertPlaced(FileReport report, byte[] bytes)
    {
        var lines = bytes.Count(static b => b == (byte)'\n') + 1;
        foreach (var finding in report.Findings)
        {
            var location = finding.Diagnostic.Location;
            Assert.True(location.Line >= 1 && location.Line <= lines && location.Column >= 1,
                $"{finding.Diagnostic.Code} at {location} outside a file of {lines} lines");
        }
    }

    private static Gen<JsonNode?> Node(int depth) => depth == 0
        ? Leaf
        : Gen.Frequency(
            (2, Leaf),
            (1, Node(depth - 1).Array[0, 4].Select(static items => (JsonNode?)new JsonArray([.. items]))),
            (3, Gen.Select(Gen.Frequency((6, Gen.OneOf(Keys)), (1, Gen.String)), Node(depth - 1)).Array[0, 6].Select(static pairs =>
            {
                var obj = new JsonObject();
                foreach (var (key, value) in pairs)
                {
                    obj[key] = value;
                }
                return (JsonNode?)obj;
            })));

    private static void WriteFile(string root, string relative, byte[] bytes)
    {
        var path = Path.Combine(root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
    }
}
