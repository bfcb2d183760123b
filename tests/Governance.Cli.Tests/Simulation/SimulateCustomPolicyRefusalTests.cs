using static Governance.Cli.Tests.Simulation.SimulateCustomPolicyRunner;

namespace Governance.Cli.Tests.Simulation;

/// <summary>
/// What AWS refuses is refused: <c>MalformedPolicyDocument</c> for a policy AWS would not accept, <c>InvalidInput</c>
/// for values out of range (https://docs.aws.amazon.com/IAM/latest/APIReference/API_SimulateCustomPolicy.html, Errors),
/// in the AWS CLI's words (<c>An error occurred (CODE) when calling the SimulateCustomPolicy operation: …</c>), with
/// iamgov's exit code 2 for input it cannot run on where the AWS CLI uses 254.
/// </summary>
public sealed class SimulateCustomPolicyRefusalTests
{
    private const string Malformed = "An error occurred (MalformedPolicyDocument) when calling the SimulateCustomPolicy operation: ";
    private const string InvalidInput = "An error occurred (InvalidInput) when calling the SimulateCustomPolicy operation: ";
    private const string AllowGet = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}""";

    [Fact]
    public void SimulateCustomPolicy_InvalidEffect_IsMalformedPolicyDocumentNamingThePlace()
    {
        // Arrange: "Allw" would make the statement grant nothing; AWS refuses the document.
        var policy = "{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [{\"Effect\": \"Allw\", \"Action\": \"s3:*\", \"Resource\": \"*\"}]\n}";

        // Act
        var (exit, stdout, stderr) = Run("--policy-input-list", FileArgument(policy), "--action-names", "s3:GetObject");

        // Assert
        Assert.Equal(2, exit);
        Assert.Equal(string.Empty, stdout);
        AssertErrorLines(stderr);
        Assert.Contains(Malformed + "PolicyInputList.1:3:", stderr, StringComparison.Ordinal);
        Assert.Contains("`Allw`", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void SimulateCustomPolicy_MisspelledStatement_IsMalformedPolicyDocument()
    {
        var (exit, _, stderr) = Run("--policy-input-list", """{"Version":"2012-10-17","Statment":[]}""", "--action-names", "s3:GetObject");

        Assert.Equal(2, exit);
        AssertErrorLines(stderr);
        Assert.Contains(Malformed + "PolicyInputList.1:", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void SimulateCustomPolicy_ResourcePolicyWithoutPrincipal_IsMalformedPolicyDocument()
    {
        var (exit, _, stderr) = Run("--policy-input-list", AllowGet, "--action-names", "s3:GetObject",
            "--resource-policy", AllowGet, "--caller-arn", "arn:aws:iam::111122223333:user/alice");

        Assert.Equal(2, exit);
        Assert.Contains(Malformed + "ResourcePolicy:", stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--resource-arns", "not-an-arn", "`not-an-arn`")]
    [InlineData("--action-names", "s3:*", "`s3:*`")]
    [InlineData("--action-names", "GetObject", "`GetObject`")]
    [InlineData("--caller-arn", "arn:aws:sts::111122223333:assumed-role/r/s", "CallerArn")]
    [InlineData("--resource-handling-option", "EC2-Classic", "`EC2-Classic`")]
    public void SimulateCustomPolicy_ValueAwsRefuses_IsInvalidInput(string option, string value, string named)
    {
        // Arrange
        string[] args = option == "--action-names"
            ? ["--policy-input-list", AllowGet, option, value]
            : ["--policy-input-list", AllowGet, "--action-names", "s3:GetObject", option, value];

        // Act
        var (exit, stdout, stderr) = Run(args);

        // Assert
        Assert.Equal(2, exit);
        Assert.Equal(string.Empty, stdout);
        AssertErrorLines(stderr);
        Assert.Contains(InvalidInput, stderr, StringComparison.Ordinal);
        Assert.Contains(named, stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void SimulateCustomPolicy_ResourcePolicyWithoutCaller_IsInvalidInput()
    {
        var resourcePolicy = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"*"}]}""";

        var (exit, _, stderr) = Run("--policy-input-list", AllowGet, "--action-names", "s3:GetObject", "--resource-policy", resourcePolicy);

        Assert.Equal(2, exit);
        Assert.Contains(InvalidInput, stderr, StringComparison.Ordinal);
        Assert.Contains("CallerArn", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void SimulateCustomPolicy_TwoPermissionsBoundaries_IsInvalidInput()
    {
        var (exit, _, stderr) = Run("--policy-input-list", AllowGet, "--action-names", "s3:GetObject",
            "--permissions-boundary-policy-input-list", AllowGet, AllowGet);

        Assert.Equal(2, exit);
        Assert.Contains(InvalidInput, stderr, StringComparison.Ordinal);
        Assert.Contains("PermissionsBoundaryPolicyInputList", stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("numeric", "abc")]
    // The Numeric operators read no exponent: a value they cannot read would never match, so it is refused up front.
    [InlineData("numeric", "1e3")]
    [InlineData("date", "2026-13-01")]
    [InlineData("numericList", "1,x")]
    [InlineData("boolean", "yes")]
    [InlineData("date", "yesterday")]
    [InlineData("ip", "10.0.0.300")]
    [InlineData("binary", "%%%")]
    [InlineData("numbr", "1")]
    public void SimulateCustomPolicy_ContextValueNotOfItsType_IsInvalidInputNamingTheKey(string type, string values)
    {
        // Act
        var (exit, stdout, stderr) = Run("--policy-input-list", AllowGet, "--action-names", "s3:GetObject",
            "--context-entries", $"ContextKeyName=aws:SomeKey,ContextKeyValues={values},ContextKeyType={type}");

        // Assert
        Assert.Equal(2, exit);
        Assert.Equal(string.Empty, stdout);
        AssertErrorLines(stderr);
        Assert.Contains(InvalidInput, stderr, StringComparison.Ordinal);
        Assert.Contains("aws:SomeKey", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void SimulateCustomPolicy_PolicyLongerThanTheApiTakes_IsValidationError()
    {
        var huge = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*","Sid":"S"""
            + new string('x', 131_072) + "\"}]}";

        var (exit, _, stderr) = Run("--policy-input-list", FileArgument(huge), "--action-names", "s3:GetObject");

        Assert.Equal(2, exit);
        // AWS's request validation (the model's `max: 131072` on policyDocumentType) answers ValidationError, not InvalidInput.
        Assert.Contains("An error occurred (ValidationError) when calling the SimulateCustomPolicy operation: ", stderr, StringComparison.Ordinal);
        Assert.Contains("131072", stderr, StringComparison.Ordinal);
    }
}
