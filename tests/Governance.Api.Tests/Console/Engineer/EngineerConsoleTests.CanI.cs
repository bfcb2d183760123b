using System.Net;
using Governance.Api.Tests.Console.Infrastructure;

namespace Governance.Api.Tests.Console.Engineer;

public abstract partial class EngineerConsoleTests<TFixture>
{
    [SkippableFact]
    public async Task CanI_RoleWithItsOwnSandboxPolicy_AnswersAllowNamingTheIdentityStatement()
    {
        // data-engineer's inline policy lake-sandbox-access allows s3:PutObject on lake-sandbox/* in its own account
        // (policies/roles/data-engineer.json); in eu-west-1 neither the region-lock SCP nor the Data allow-list denies it.
        using var alice = await ConsoleClient.SignInAsync(Factory, NewUser("alice"), "engineer");

        var answer = await AskAsync(alice, new Dictionary<string, string>
        {
            ["principal"] = DataEngineer, ["ask"] = "action", ["action"] = "s3:PutObject",
            ["resource"] = "arn:aws:s3:::lake-sandbox/tmp/a.csv", ["context"] = "aws:RequestedRegion=eu-west-1",
        });

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal("Allow", answer.Text("#answer [data-testid=decision]"));
        Assert.Contains("Yes: allowed", answer.Text("#answer h2"), StringComparison.Ordinal);
        var deciding = answer.Text("#answer table.deciding tbody tr");
        Assert.Contains("identity policy", deciding, StringComparison.Ordinal);
        Assert.Contains("lake-sandbox-access", deciding, StringComparison.Ordinal);
        Assert.Contains(DataEngineer, answer.MainText, StringComparison.Ordinal);
        // The answer is a link: the GET form put the question in the address.
        Assert.Contains("action=s3%3APutObject", answer.Path, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task CanI_ObjectOverPlainHttp_AnswersExplicitDenyNamingTheBucketPolicyAndItsSid()
    {
        // lake-raw's bucket policy denies every request without TLS (Sid DenyInsecureTransport), as the API test
        // CanI_ObjectOverPlainHttp_DeniedByTheBucketPolicy asks it.
        using var alice = await ConsoleClient.SignInAsync(Factory, NewUser("alice"), "engineer");

        var answer = await AskAsync(alice, new Dictionary<string, string>
        {
            ["principal"] = DataEngineer, ["ask"] = "action", ["action"] = "s3:GetObject",
            ["resource"] = "arn:aws:s3:::lake-raw/events/a.json", ["context"] = "aws:SecureTransport=false\naws:RequestedRegion=eu-west-1",
        });

        Assert.Equal("ExplicitDeny", answer.Text("#answer [data-testid=decision]"));
        Assert.Contains("No: explicitly denied", answer.Text("#answer h2"), StringComparison.Ordinal);
        Assert.Contains("bucket policy of `lake-raw`", answer.Text("#answer [data-testid=summary]"), StringComparison.Ordinal);
        var deciding = answer.Text("#answer table.deciding tbody tr");
        Assert.Contains("resource policy", deciding, StringComparison.Ordinal);
        Assert.Contains("DenyInsecureTransport", deciding, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task CanI_NothingAllows_SaysWhatIsMissingForAnAllow()
    {
        // data-engineer has no statement on lake-raw of its own: across accounts its identity side must allow too.
        using var alice = await ConsoleClient.SignInAsync(Factory, NewUser("alice"), "engineer");

        var answer = await AskAsync(alice, new Dictionary<string, string>
        {
            ["principal"] = DataEngineer, ["ask"] = "action", ["action"] = "s3:PutObject",
            ["resource"] = $"arn:aws:s3:::lake-nothing-{Guid.NewGuid():N}/a", ["context"] = "aws:RequestedRegion=eu-west-1",
        });

        Assert.Equal("ImplicitDeny", answer.Text("#answer [data-testid=decision]"));
        Assert.Contains("What is missing for an allow", answer.Text("#answer"), StringComparison.Ordinal);
        Assert.NotEmpty(answer.All("#answer ul.missing li"));
    }

    [SkippableFact]
    public async Task CanI_ReadShortcut_AnswersEveryCallOfAnObjectRead()
    {
        // Reading a lake-raw object takes s3:GetObject and kms:Decrypt on the bucket's key: each is answered.
        using var alice = await ConsoleClient.SignInAsync(Factory, NewUser("alice"), "engineer");

        var answer = await AskAsync(alice, new Dictionary<string, string>
        {
            ["principal"] = DataEngineer, ["ask"] = "read", ["object"] = "s3://lake-raw/events/a.json",
            ["context"] = "aws:SecureTransport=true\naws:RequestedRegion=eu-west-1",
        });

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        var calls = answer.All("#answer .call-answer h3").Select(static h => h.TextContent).ToList();
        Assert.Contains(calls, static c => c.Contains("s3:GetObject", StringComparison.Ordinal));
        Assert.Contains(calls, static c => c.Contains("kms:Decrypt", StringComparison.Ordinal));
        Assert.Contains("s3://lake-raw/events/a.json", answer.Text("#answer"), StringComparison.Ordinal);
        Assert.NotEqual("Allow", answer.Text("#answer > dl [data-testid=decision]"));
    }

    [SkippableTheory]
    [InlineData("principalArn", "group/data-engineers", "principalArn")]
    [InlineData("resource", "lake-x/a", "resource")]
    [InlineData("action", "s3:GetObjekt", "action")]
    public async Task CanI_BadInput_IsNamedAtItsField(string input, string value, string errorOf)
    {
        using var alice = await ConsoleClient.SignInAsync(Factory, NewUser("alice"), "engineer");
        var fields = new Dictionary<string, string>
        {
            ["principal"] = DataEngineer, ["ask"] = "action", ["action"] = "s3:GetObject", ["resource"] = "arn:aws:s3:::lake-x/a",
        };
        fields[input] = value;

        var answer = await AskAsync(alice, fields);

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.NotEmpty(answer.Text($"#{errorOf}-error"));
        Assert.Equal($"{errorOf}-error", answer.One($"#{errorOf}").GetAttribute("aria-describedby"));
        Assert.Empty(answer.All("#answer"));
    }

    [SkippableFact]
    public async Task CanI_UnknownPrincipalArn_IsNamedAtTheArnFieldWithTheClosestMatch()
    {
        using var alice = await ConsoleClient.SignInAsync(Factory, NewUser("alice"), "engineer");

        var answer = await AskAsync(alice, new Dictionary<string, string>
        {
            ["principalArn"] = "data-enginer", ["ask"] = "action", ["action"] = "s3:GetObject", ["resource"] = "arn:aws:s3:::lake-x/a",
        });

        Assert.Contains(DataEngineer, answer.Text("#principalArn-error"), StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task CanI_TheDefaultPrincipals_AreTheRolesRequestsCanTarget()
    {
        using var alice = await ConsoleClient.SignInAsync(Factory, NewUser("alice"), "engineer");

        var home = await alice.GetAsync("/");

        var options = home.All("#principal option").Select(static o => o.GetAttribute("value")).ToList();
        Assert.Contains(DataEngineer, options);
        Assert.Contains("arn:aws:iam::111122223333:role/etl-runner", options);
        // Users are not targets of a request (grants go to roles), so they are asked by ARN.
        Assert.All(options, static o => Assert.Contains(":role/", o, StringComparison.Ordinal));
        Assert.NotNull(home.One("#principal option[selected]"));
        Assert.Empty(home.All("#answer"));
    }
}
