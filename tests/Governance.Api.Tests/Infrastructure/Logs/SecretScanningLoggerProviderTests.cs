using Microsoft.Extensions.Logging;

namespace Governance.Api.Tests.Infrastructure.Logs;

/// <summary>The scan itself, on private sinks: it must fire on a secret, or the run-wide scan proves nothing.</summary>
public sealed class SecretScanningLoggerProviderTests
{
    [Fact]
    public void Log_ARegisteredSecret_IsFoundAndFailsTheCheck()
    {
        // Arrange
        var sink = new SecretScanningLoggerProvider();
        sink.AddSecret("whsec-for-this-test-only", "a webhook secret");
        var logger = sink.CreateLogger("Test.Category");

        // Act
        Write(logger, "delivering with secret whsec-for-this-test-only");

        // Assert
        var finding = Assert.Single(sink.Findings);
        Assert.Contains("a webhook secret in Test.Category", finding, StringComparison.Ordinal);
        Assert.DoesNotContain("whsec-for-this-test-only", finding, StringComparison.Ordinal);
        Assert.ThrowsAny<Exception>(sink.AssertClean);
    }

    [Theory]
    [InlineData("token eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhbGljZSJ9.c2lnbmF0dXJl", "a JWT")]
    [InlineData("Authorization: Bearer abc", "a bearer credential")]
    [InlineData("header Authorization=AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20260101/us-east-1/iam/aws4_request", "an AWS SigV4 signature")]
    [InlineData("env AWS_SECRET_ACCESS_KEY=abcdEFGH1234/abcdEFGH1234+abcdEFGH12", "an AWS secret key or session token")]
    [InlineData("{\"SessionToken\": \"IQoJb3JpZ2luX2VjEAAaCXVzLWVhc3QtMSJH\"}", "an AWS secret key or session token")]
    [InlineData("Host=db;Username=iamgov;Password=hunter2", "a password")]
    public void Log_ASecretsShape_IsFoundUnregistered(string line, string what)
    {
        // Arrange
        var sink = new SecretScanningLoggerProvider();

        // Act
        Write(sink.CreateLogger("Shapes"), line);

        // Assert
        Assert.Contains(sink.Findings, f => f.StartsWith(what + " in Shapes", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Access request 0193 for lake-write submitted by alice: Pending")]
    [InlineData("Bearer was not authenticated. Failure message: IDX10223: Lifetime validation failed")]
    [InlineData("Executed DbCommand (1ms) [Parameters=[@p0='?' (DbType = Int64)], CommandType='Text']")]
    [InlineData("audit head 6f1e0c5b2a9d4e7f8a1b3c5d7e9f0a2b4c6d8e0f1a3b5c7d9e1f3a5b7c9d1e3f")]
    public void Log_OrdinaryLines_FindNothing(string line)
    {
        // Arrange
        var sink = new SecretScanningLoggerProvider();

        // Act
        Write(sink.CreateLogger("Ordinary"), line);

        // Assert
        Assert.Empty(sink.Findings);
        sink.AssertClean();
    }

    [Fact]
    public void Log_ASecretInAScopeOrException_IsFound()
    {
        // Arrange
        var sink = new SecretScanningLoggerProvider();
        sink.AddSecret("s3cret-in-scope-value", "a scope secret");
        sink.AddSecret("s3cret-in-exception", "an exception secret");
        var factory = LoggerFactory.Create(l => l.AddProvider(sink));
        var logger = factory.CreateLogger("Scoped");

        // Act
        using (logger.BeginScope(new Dictionary<string, object> { ["Key"] = "s3cret-in-scope-value" }))
        {
            logger.Log(LogLevel.Error, default, "failed", new InvalidOperationException("refused s3cret-in-exception"), static (m, _) => m);
        }

        // Assert
        Assert.Contains(sink.Findings, static f => f.StartsWith("a scope secret", StringComparison.Ordinal));
        Assert.Contains(sink.Findings, static f => f.StartsWith("an exception secret", StringComparison.Ordinal));
        factory.Dispose();
    }

    private static void Write(ILogger logger, string line) => logger.Log(LogLevel.Information, default, line, null, static (m, _) => m);
}
