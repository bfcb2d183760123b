using System.Text.Json;
using TestSupport.Paths;
using static Governance.Cli.Tests.Simulation.SimulateCustomPolicyRunner;

namespace Governance.Cli.Tests.Simulation;

/// <summary>
/// The request and response against botocore's IAM service model: the shapes of SimulateCustomPolicy are copied in
/// <c>SimulateCustomPolicyServiceModel.json</c> from boto/botocore, <c>botocore/data/iam/2010-05-08/service-2.json</c>
/// (commit 885f434f7, 2026-07-30), documentation removed.
/// </summary>
public sealed class SimulateCustomPolicyServiceModelTests
{
    private static readonly JsonElement Shapes = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Root,
        "tests", "Governance.Cli.Tests", "Simulation", "SimulateCustomPolicyServiceModel.json"))).RootElement.GetProperty("shapes").Clone();

    private const string Allow = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*"}]}""";
    private const string BucketPolicy = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:user/alice"},"Action":"s3:GetObject","Resource":"*"}]}""";

    [Fact]
    public void SimulateCustomPolicy_EveryRequestMember_IsAccepted()
    {
        // Arrange: one valid value per member of SimulateCustomPolicyRequest, by the member's model type.
        var members = Shapes.GetProperty("SimulateCustomPolicyRequest").GetProperty("members").EnumerateObject().Select(static m => m.Name).ToList();
        var values = new Dictionary<string, object>
        {
            ["PolicyInputList"] = new[] { Allow },
            ["PermissionsBoundaryPolicyInputList"] = new[] { Allow },
            ["OrderedOrganizationPolicyInputList"] = new[] { new Dictionary<string, string[]> { ["ServiceControlPolicyInputList"] = [Allow] } },
            ["ActionNames"] = new[] { "s3:GetObject" },
            ["ResourceArns"] = new[] { "arn:aws:s3:::lake/a" },
            ["ResourcePolicy"] = BucketPolicy,
            ["ResourceOwner"] = "arn:aws:iam::111122223333:root",
            ["CallerArn"] = "arn:aws:iam::111122223333:user/alice",
            ["ContextEntries"] = new[] { new Dictionary<string, object> { ["ContextKeyName"] = "aws:username", ["ContextKeyValues"] = new[] { "alice" }, ["ContextKeyType"] = "string" } },
            ["ResourceHandlingOption"] = "EC2-VPC-InstanceStore",
            ["MaxItems"] = 10,
            ["Marker"] = null!,
        };
        Assert.Equal(members.Order(StringComparer.Ordinal), values.Keys.Order(StringComparer.Ordinal));
        values.Remove("Marker"); // only a Marker the simulator issued is valid; SimulateCustomPolicy_Marker_ContinuesWhereThePageEnded covers it

        // Act
        var (exit, stdout, stderr) = Run("--cli-input-json", FileArgument(JsonSerializer.Serialize(values)));

        // Assert
        Assert.True(exit == 0, stderr);
        AssertMatchesShape(JsonDocument.Parse(stdout).RootElement, "SimulatePolicyResponse", "response");
    }

    [Fact]
    public void SimulateCustomPolicy_FullResponse_WritesEveryMemberOfEvaluationResultByItsModelType()
    {
        // Arrange: cross-account, a boundary and SCPs, so that every optional part is written.
        var input = FileArgument(JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["PolicyInputList"] = new[] { """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*","Condition":{"StringEquals":{"s3:prefix":"x"}}}]}""" },
            ["PermissionsBoundaryPolicyInputList"] = new[] { Allow },
            ["OrderedOrganizationPolicyInputList"] = new[] { new Dictionary<string, string[]> { ["ServiceControlPolicyInputList"] = [Allow] } },
            ["ActionNames"] = new[] { "s3:GetObject" },
            ["ResourceArns"] = new[] { "arn:aws:s3:::their-bucket/a" },
            ["ResourcePolicy"] = BucketPolicy,
            ["ResourceOwner"] = "arn:aws:iam::444455556666:root",
            ["CallerArn"] = "arn:aws:iam::111122223333:user/alice",
            ["MaxItems"] = 5,
        }));

        // Act
        var (exit, stdout, stderr) = Run("--cli-input-json", input);

        // Assert
        Assert.True(exit == 0, stderr);
        var root = JsonDocument.Parse(stdout).RootElement;
        AssertMatchesShape(root, "SimulatePolicyResponse", "response");
        var result = root.GetProperty("EvaluationResults")[0];
        foreach (var member in Shapes.GetProperty("EvaluationResult").GetProperty("members").EnumerateObject())
        {
            Assert.True(result.TryGetProperty(member.Name, out _), $"EvaluationResult.{member.Name} is written");
        }
        foreach (var member in Shapes.GetProperty("ResourceSpecificResult").GetProperty("members").EnumerateObject())
        {
            Assert.True(result.GetProperty("ResourceSpecificResults")[0].TryGetProperty(member.Name, out _), $"ResourceSpecificResult.{member.Name} is written");
        }
        Assert.True(root.TryGetProperty("IsTruncated", out _), "MaxItems asks for the API's page: IsTruncated is written");
    }

    /// <summary>Checks <paramref name="value"/> against the model's shape: members known, JSON kinds as the model types them.</summary>
    private static void AssertMatchesShape(JsonElement value, string shapeName, string path)
    {
        var shape = Shapes.GetProperty(shapeName);
        switch (shape.GetProperty("type").GetString())
        {
            case "structure":
                Assert.True(value.ValueKind == JsonValueKind.Object, $"{path} is an object");
                var members = shape.GetProperty("members");
                foreach (var property in value.EnumerateObject())
                {
                    Assert.True(members.TryGetProperty(property.Name, out var member), $"{path}.{property.Name} is a member of {shapeName}");
                    AssertMatchesShape(property.Value, member.GetProperty("shape").GetString()!, $"{path}.{property.Name}");
                }
                if (shape.TryGetProperty("required", out var required))
                {
                    foreach (var name in required.EnumerateArray())
                    {
                        Assert.True(value.TryGetProperty(name.GetString()!, out _), $"{path}.{name} is required by {shapeName}");
                    }
                }
                break;
            case "list":
                Assert.True(value.ValueKind == JsonValueKind.Array, $"{path} is an array");
                var item = shape.GetProperty("member").GetProperty("shape").GetString()!;
                var i = 0;
                foreach (var element in value.EnumerateArray())
                {
                    AssertMatchesShape(element, item, $"{path}[{i++}]");
                }
                break;
            case "map":
                Assert.True(value.ValueKind == JsonValueKind.Object, $"{path} is an object (a map)");
                foreach (var entry in value.EnumerateObject())
                {
                    AssertMatchesShape(entry.Value, shape.GetProperty("value").GetProperty("shape").GetString()!, $"{path}.{entry.Name}");
                }
                break;
            case "string":
                Assert.True(value.ValueKind == JsonValueKind.String, $"{path} is a string");
                if (shape.TryGetProperty("enum", out var names) && shapeName != "PolicySourceType")
                {
                    // PolicySourceType is left out: AWS's simulator writes "IAM Policy" for a policy given as input, outside the enum.
                    Assert.Contains(value.GetString(), names.EnumerateArray().Select(static n => n.GetString()));
                }
                break;
            case "integer":
                Assert.True(value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out _), $"{path} is an integer");
                break;
            case "boolean":
                Assert.True(value.ValueKind is JsonValueKind.True or JsonValueKind.False, $"{path} is a boolean");
                break;
            default:
                Assert.Fail($"{path}: shape type {shape.GetProperty("type")} not handled");
                break;
        }
    }
}
