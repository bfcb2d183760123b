namespace Governance.Cli.Tests.Simulation;

/// <summary>Runs `iamgov` in-process and captures its output.</summary>
internal static class CliRunner
{
    public static (int Exit, string Out, string Err) Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = CliApp.Run(args, stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    public static string TempFile(string contents, string extension = ".jsonl")
    {
        var path = Path.Combine(Path.GetTempPath(), $"iamgov-sim-{Guid.NewGuid():N}{extension}");
        File.WriteAllText(path, contents);
        return path;
    }

    public const string AllowCase = """{"id":"allow-1","identityPolicies":[{"name":"p","document":{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}}],"request":{"principal":"arn:aws:iam::111122223333:user/alice","action":"s3:GetObject","resource":"arn:aws:s3:::b/k","context":{}},"expected":"Allow"}""";

    public const string WrongExpectationCase = """{"id":"wrong-1","request":{"principal":"arn:aws:iam::111122223333:user/alice","action":"s3:GetObject","resource":"arn:aws:s3:::b/k"},"expected":"Allow"}""";
}
