using System.Text;
using Governance.Core.Reports;
using Governance.Core.Risk;
using TestSupport.Accounts;
using static Governance.Core.Tests.Risk.ExposureOrganization;

namespace Governance.Core.Tests.Risk;

/// <summary>Role chains: summarised per principal and kind of power, the full graph on request, across accounts, and alike however many threads audit.</summary>
public sealed class RoleChainTests
{
    private const string Account = "123456789012";
    private const string Admin = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}""";
    private const string TrustAccount = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::123456789012:root"},"Action":"sts:AssumeRole"}]}""";
    private const string TrustAccountWithMfa = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::123456789012:root"},"Action":"sts:AssumeRole","Condition":{"Bool":{"aws:MultiFactorAuthPresent":"true"}}}]}""";

    private static string Assume(string resource) => $$"""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"sts:AssumeRole","Resource":"{{resource}}"}]}""";

    private static string TrustRole(string role) => $$"""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::123456789012:role/{{role}}"},"Action":"sts:AssumeRole"}]}""";

    /// <summary>An account export of a user <c>dev</c> with <paramref name="devPolicy"/> and the roles given as (name, trust, inline policy).</summary>
    private static string AccountJson(string devPolicy, params (string Name, string Trust, string Policy)[] roles)
    {
        var json = new StringBuilder($$"""{"GroupDetailList":[],"Policies":[],"UserDetailList":[{"Path":"/","UserName":"dev","UserId":"AIDADEV","Arn":"arn:aws:iam::{{Account}}:user/dev","GroupList":[],"AttachedManagedPolicies":[],"UserPolicyList":[{"PolicyName":"dev","PolicyDocument":{{devPolicy}}}],"Tags":[]}],"RoleDetailList":[""");
        json.AppendJoin(',', roles.Select(static (r, i) => $$"""{"Path":"/","RoleName":"{{r.Name}}","RoleId":"AROA{{i:D16}}","Arn":"arn:aws:iam::{{Account}}:role/{{r.Name}}","AssumeRolePolicyDocument":{{r.Trust}},"InstanceProfileList":[],"RolePolicyList":[{"PolicyName":"{{r.Name}}","PolicyDocument":{{r.Policy}}}],"AttachedManagedPolicies":[],"Tags":[]}"""));
        return json.Append("]}").ToString();
    }

    private static Finding[] Chains(AccountRisks audit, string name)
        => [.. LabAudit.Principal(audit, name).Findings.Where(static f => f.Path.Length > 1 && f.Actions.FirstOrDefault() == "sts:AssumeRole")];

    [Fact]
    public void Audit_ManyAdministratorRolesInReach_OneFindingCountingTheOthers()
    {
        // Arrange: dev may assume every role; five administrator roles trust the account.
        var admins = Enumerable.Range(1, 5).Select(static i => ($"admin-{i}", TrustAccount, Admin)).ToArray();

        // Act
        var audit = LabAudit.Audit(AccountJson(Assume("*"), admins));

        // Assert
        var finding = Assert.Single(Chains(audit, "dev"));
        Assert.Equal(("sts-assume-role", RiskSeverity.High, 4), (finding.PathId, finding.Severity, finding.OtherChains));
        Assert.Equal(2, finding.Path.Length);
    }

    [Fact]
    public void Audit_ShortConditionalChainAndLongerUnconditionalOne_ReportsTheMoreSevere()
    {
        // Arrange: gate is an administrator behind MFA (one hop); hop → deep reaches an administrator unconditionally.
        var audit = LabAudit.Audit(AccountJson(Assume("*"),
            ("gate", TrustAccountWithMfa, Admin),
            ("hop", TrustAccount, Assume($"arn:aws:iam::{Account}:role/deep")),
            ("deep", TrustRole("hop"), Admin)));

        // Act
        var finding = Assert.Single(Chains(audit, "dev"));

        // Assert
        Assert.Equal(RiskSeverity.High, finding.Severity);
        Assert.Equal([$"arn:aws:iam::{Account}:user/dev", $"arn:aws:iam::{Account}:role/hop", $"arn:aws:iam::{Account}:role/deep"], finding.Path.ToArray());
        Assert.Equal(1, finding.OtherChains);
        Assert.Empty(finding.ConditionKeys);
        Assert.Contains(finding.Evidence, static e => e.Principal.EndsWith("role/deep", StringComparison.Ordinal) && e.Policy == "trust-policy");
    }

    [Fact]
    public void Audit_OnlyConditionalChain_IsMediumWithItsKeys()
    {
        // Arrange
        var audit = LabAudit.Audit(AccountJson(Assume("*"), ("gate", TrustAccountWithMfa, Admin)));

        // Act
        var finding = Assert.Single(Chains(audit, "dev"));

        // Assert
        Assert.Equal((RiskSeverity.Medium, 0), (finding.Severity, finding.OtherChains));
        Assert.Equal(["aws:MultiFactorAuthPresent"], finding.ConditionKeys.ToArray());
    }

    [Fact]
    public void Audit_IdentityPolicyNotCoveringTheRole_NoChainDespiteTheTrust()
    {
        // Arrange: the trust names the account, which delegates to identity policies; dev's covers another role only.
        var audit = LabAudit.Audit(AccountJson(Assume($"arn:aws:iam::{Account}:role/other"), ("admin", TrustAccount, Admin)));

        // Act
        var chains = Chains(audit, "dev");

        // Assert
        Assert.Empty(chains);
    }

    [Fact]
    public void Audit_RoleGraphRequested_HoldsEveryEdgeTheSummaryCounts()
    {
        // Arrange
        var admins = Enumerable.Range(1, 3).Select(static i => ($"admin-{i}", TrustAccount, Admin)).ToArray();
        var state = LabAudit.State(AccountJson(Assume("*"), admins));

        // Act
        var audit = AccountAnalyzer.Analyze(state, new RiskAnalysisOptions(LabAudit.AsOf) { IncludeRoleGraph = true });
        var without = AccountAnalyzer.Analyze(state, new RiskAnalysisOptions(LabAudit.AsOf));

        // Assert
        var graph = Assert.IsType<RoleGraph>(audit.RoleGraph);
        Assert.Null(without.RoleGraph);
        Assert.Equal(4, graph.Nodes.Length);
        Assert.Equal(3, graph.Nodes.Count(static n => n.Administrator));
        // Each administrator role (allowed everything) may also assume the two others: 3 from dev, 6 between them.
        Assert.Equal(3, graph.Edges.Count(static e => e.From.EndsWith("user/dev", StringComparison.Ordinal)));
        Assert.Equal(9, graph.Edges.Length);
    }

    [Fact]
    public void RoleGraphJson_Written_ReadsBackAsNodesAndEdges()
    {
        // Arrange
        var state = LabAudit.State(AccountJson(Assume("*"), ("admin", TrustAccountWithMfa, Admin)));
        var graph = AccountAnalyzer.Analyze(state, new RiskAnalysisOptions(LabAudit.AsOf) { IncludeRoleGraph = true }).RoleGraph!;
        using var stream = new MemoryStream();

        // Act
        RoleGraphJson.Write(graph, stream);

        // Assert
        using var document = System.Text.Json.JsonDocument.Parse(stream.ToArray());
        var root = document.RootElement;
        Assert.Equal((2, 1), (root.GetProperty("nodeCount").GetInt32(), root.GetProperty("edgeCount").GetInt32()));
        var edge = Assert.Single(root.GetProperty("edges").EnumerateArray().ToArray());
        Assert.Equal($"arn:aws:iam::{Account}:role/admin", edge.GetProperty("to").GetString());
        Assert.Equal("aws:MultiFactorAuthPresent", Assert.Single(edge.GetProperty("conditionKeys").EnumerateArray().ToArray()).GetString());
    }

    [Fact]
    public void Audit_GeneratedAccount_SameFindingsOnOneThreadAndOnMany()
    {
        // Arrange
        var state = LabAudit.State(GeneratedAccount.Json(300));

        // Act
        var one = AccountAnalyzer.Analyze(state, new RiskAnalysisOptions(LabAudit.AsOf) { Parallelism = 1 });
        var many = AccountAnalyzer.Analyze(state, new RiskAnalysisOptions(LabAudit.AsOf) { Parallelism = 4 });

        // Assert
        Assert.Equal(Lines(one), Lines(many));
        Assert.Contains(one.Findings, static f => f.OtherChains > 0);
    }

    [Fact]
    public void Audit_OrganizationWithCrossAccountTrust_ChainCrossesAccounts()
    {
        // Arrange: app's deployer may assume any role; data's admin role trusts the app account (both sides allow).
        var org = new ExposureOrganization()
            .Role(App, "deployer", TrustAccountOf(App), Assume("arn:aws:iam::*:role/*"))
            .Role(Data, "data-admin", TrustAccountOf(App), Admin)
            .Role(App, "reader", TrustAccountOf(App), """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}""");

        // Act
        var audit = org.Audit();

        // Assert: deployer reaches the other account's administrator; reader, whose policies do not allow it, does not.
        var chain = Assert.Single(LabAudit.Principal(audit, "deployer").Findings, static f => f.PathId == "sts-assume-role");
        Assert.Equal($"arn:aws:iam::{Data}:role/data-admin", chain.Path[^1]);
        Assert.DoesNotContain(LabAudit.Principal(audit, "reader").Findings, static f => f.PathId == "sts-assume-role");
    }

    /// <summary>Callers with the same policies share verdicts only where the trust treats them alike.</summary>
    [Theory]
    // The trust allows the account but denies ci by name.
    [InlineData("""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::123456789012:root"},"Action":"sts:AssumeRole"},{"Effect":"Deny","Principal":{"AWS":"arn:aws:iam::123456789012:role/ci"},"Action":"sts:AssumeRole"}]}""")]
    // The trust allows the account on a condition that reads who calls.
    [InlineData("""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::123456789012:root"},"Action":"sts:AssumeRole","Condition":{"ArnEquals":{"aws:PrincipalArn":"arn:aws:iam::123456789012:role/ops"}}}]}""")]
    public void Audit_SamePoliciesButTheTrustTellsTheCallersApart_OnlyOpsAssumes(string trust)
    {
        // Arrange: ops and ci hold the same policy document.
        var audit = LabAudit.Audit(AccountJson(Assume("*"),
            ("ops", TrustRole("nobody"), Assume("*")),
            ("ci", TrustRole("nobody"), Assume("*")),
            ("admin", trust, Admin)));

        // Act
        var ops = Chains(audit, "ops");
        var ci = Chains(audit, "ci");

        // Assert
        Assert.Equal($"arn:aws:iam::{Account}:role/admin", Assert.Single(ops).Path[^1]);
        Assert.Empty(ci);
    }

    [Fact]
    public void Audit_ManyCallersReachTheSameRoles_EachCountsAllItReaches()
    {
        // Arrange: ten callers with the same policy may assume every role that trusts the account (the callers among
        // them), and so each other; each reaches the one administrator by one hop, and the other nine callers.
        var callers = Enumerable.Range(1, 10).Select(static i => ($"caller-{i}", TrustAccount, Assume("*"))).ToArray();
        var audit = LabAudit.Audit(AccountJson(Assume("*"), [.. callers, ("admin", TrustAccount, Admin)]));

        // Act
        var chains = Enumerable.Range(1, 10).Select(i => Assert.Single(Chains(audit, $"caller-{i}"))).ToArray();

        // Assert: whose edges a search took before does not change what another caller's search finds.
        Assert.All(chains, static f => Assert.Equal(("sts-assume-role", 2, 0), (f.PathId, f.Path.Length, f.OtherChains)));
        Assert.DoesNotContain(chains, static f => f.Path.Skip(1).Contains(f.Path[0]));
    }

    private static string TrustAccountOf(string account)
        => $$"""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::{{account}}:root"},"Action":"sts:AssumeRole"}]}""";

    private static string[] Lines(AccountRisks audit)
        => [.. audit.Principals.SelectMany(static p => p.Findings.Select(f => $"{p.Arn}|{f.Severity}|{f.Title}|{string.Join('>', f.Path)}|{f.OtherChains}|{f.Evidence.Length}"))];
}
