using Governance.Core.Accounts;
using Governance.Core.Risk;
using TestSupport.Paths;

namespace Governance.Core.Tests.Risk;

/// <summary>The IAM Vulnerable export, read and audited once for every test that needs it.</summary>
internal static class LabAudit
{
    public static readonly DateTimeOffset AsOf = new(2025, 6, 1, 12, 0, 0, TimeSpan.Zero);

    private static readonly Lazy<string> LazyText = new(() => File.ReadAllText(TestData.Account("cloudsplaining-example.json")));
    private static readonly Lazy<AccountRisks> LazyAudit = new(() => Audit(LazyText.Value));

    public static string Text => LazyText.Value;

    public static AccountRisks Result => LazyAudit.Value;

    public static AccountState State(string json)
    {
        var read = AccountSnapshotReader.Read(json);
        Assert.True(read.Success, string.Join("; ", read.Errors));
        return new AccountState([read.Snapshot!]);
    }

    public static AccountRisks Audit(string json) => AccountAnalyzer.Analyze(State(json), new RiskAnalysisOptions(AsOf));

    public static PrincipalRisks Principal(AccountRisks audit, string name)
        => Assert.Single(audit.Principals, p => p.Name == name);
}
