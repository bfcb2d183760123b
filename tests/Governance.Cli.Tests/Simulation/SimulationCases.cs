namespace Governance.Cli.Tests.Simulation;

/// <summary>Cases for <c>iamgov simulate</c> and <c>iamgov bench</c>, and the files they read them from.</summary>
internal static class SimulationCases
{
    public const string AllowCase = """{"id":"allow-1","identityPolicies":[{"name":"p","document":{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}}],"request":{"principal":"arn:aws:iam::111122223333:user/alice","action":"s3:GetObject","resource":"arn:aws:s3:::b/k","context":{}},"expected":"Allow"}""";

    public const string WrongExpectationCase = """{"id":"wrong-1","request":{"principal":"arn:aws:iam::111122223333:user/alice","action":"s3:GetObject","resource":"arn:aws:s3:::b/k"},"expected":"Allow"}""";

    public static string TempFile(string contents, string extension = ".jsonl")
    {
        var path = Path.Combine(Path.GetTempPath(), $"iamgov-sim-{Guid.NewGuid():N}{extension}");
        File.WriteAllText(path, contents);
        return path;
    }
}
