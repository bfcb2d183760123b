using Governance.Core.Workflow.Grants;

namespace Governance.Core.Tests.Workflow.Grants;

public sealed class GrantWindowTests
{
    private static readonly DateTimeOffset T = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Contains_HalfOpen_IncludesStartExcludesEnd()
    {
        var w = GrantWindow.StartingAt(T, TimeSpan.FromHours(8));
        Assert.True(w.Contains(T));
        Assert.True(w.Contains(T.AddHours(8).AddTicks(-1)));
        Assert.False(w.Contains(T.AddHours(8)));
        Assert.Equal("2026-03-01T17:00:00Z", w.EndIso8601);
    }

    [Fact]
    public void Constructor_EndNotAfterStart_Throws()
        => Assert.Throws<ArgumentOutOfRangeException>(() => new GrantWindow(T, T));

    [Fact]
    public void WithExpiry_EveryStatement_GetsDateLessThanCondition()
    {
        var policy = GrantPolicy.WithExpiry("""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["s3:GetObject"],"Resource":["*"]},{"Effect":"Allow","Action":"s3:ListBucket","Resource":"*","Condition":{"Bool":{"aws:SecureTransport":"true"}}}]}""",
            GrantWindow.StartingAt(T, TimeSpan.FromHours(1)));
        Assert.Equal(2, policy.Split("\"DateLessThan\":{\"aws:CurrentTime\":\"2026-03-01T10:00:00Z\"}").Length - 1);
        Assert.Contains("aws:SecureTransport", policy, StringComparison.Ordinal);
    }
}
