using Governance.Core.AuditTrail;
using Governance.Core.Workflow;

namespace Governance.Core.Tests.AuditTrail;

public sealed class AuditChainVerifierTests
{
    private static AuditEvent Event(long sequence, string previous, string actor = "alice")
        => new(sequence, new DateTimeOffset(2026, 1, 1, 12, 0, 0, TimeSpan.Zero), actor, AuditActions.RequestCreated, Guid.Empty, null, null, """{"status":"Pending"}""", previous);

    [Fact]
    public void Check_LinkedEvents_Pass()
    {
        var first = Event(1, AuditHasher.Genesis);
        var second = Event(2, first.Hash);
        Assert.Null(AuditChainLink.Check(first, 1, AuditHasher.Genesis));
        Assert.Null(AuditChainLink.Check(second, 2, first.Hash));
    }

    [Fact]
    public void Check_WrongLinkOrGap_NamesTheProblem()
    {
        var first = Event(1, AuditHasher.Genesis);
        Assert.Contains("does not link", AuditChainLink.Check(Event(2, AuditHasher.Genesis), 2, first.Hash), StringComparison.Ordinal);
        Assert.Contains("missing", AuditChainLink.Check(Event(3, first.Hash), 2, first.Hash), StringComparison.Ordinal);
    }

    [Fact]
    public void Compute_AnyFieldChanged_ChangesTheHash()
    {
        var a = Event(1, AuditHasher.Genesis);
        var b = Event(1, AuditHasher.Genesis, actor: "mallory");
        Assert.NotEqual(a.Hash, b.Hash);
        Assert.Equal(64, a.Hash.Length);
    }
}
