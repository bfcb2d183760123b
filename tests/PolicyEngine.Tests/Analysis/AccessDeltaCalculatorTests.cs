using PolicyEngine.Analysis;

namespace PolicyEngine.Tests.Analysis;

public sealed class AccessDeltaCalculatorTests
{
    private const string S3Read = """{"Effect":"Allow","Action":["s3:GetObject","s3:ListBucket"],"Resource":["arn:aws:s3:::data","arn:aws:s3:::data/*"]}""";

    [Fact]
    public void Compare_GrantAlreadyCovered_AddsNothing()
    {
        // Arrange
        var before = AnalysisKit.Analyzer("""{"Effect":"Allow","Action":"s3:*","Resource":"*"}""");
        var after = AnalysisKit.Analyzer("""{"Effect":"Allow","Action":"s3:*","Resource":"*"}""",
            """{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::data/reports/*"}""");

        // Act
        var delta = AccessDeltaCalculator.Compare(before, after);

        // Assert
        Assert.True(delta.IsEmpty, string.Join(", ", delta.Changes));
    }

    [Fact]
    public void Compare_NarrowerResource_AddsOnlyThatPattern()
    {
        // Arrange
        var before = AnalysisKit.Analyzer(S3Read);
        var after = AnalysisKit.Analyzer(S3Read, """{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::archive/2024/*"}""");

        // Act
        var delta = AccessDeltaCalculator.Compare(before, after);

        // Assert
        var change = Assert.Single(delta.Changes);
        Assert.Equal(AccessChangeKind.Added, change.Kind);
        Assert.Equal("s3:GetObject", change.Action);
        Assert.Equal("arn:aws:s3:::archive/2024/*", change.Resource);
        Assert.Equal("p1", Assert.Single(change.After.GrantedBy).PolicyName);
    }

    [Fact]
    public void Compare_DenyAdded_RemovesAccess()
    {
        // Arrange
        var before = AnalysisKit.Analyzer(S3Read);
        var after = AnalysisKit.Analyzer(S3Read, """{"Effect":"Deny","Action":"s3:GetObject","Resource":"*"}""");

        // Act
        var delta = AccessDeltaCalculator.Compare(before, after);

        // Assert
        var change = Assert.Single(delta.Changes);
        Assert.Equal(AccessChangeKind.Removed, change.Kind);
        Assert.Equal(("s3:GetObject", "arn:aws:s3:::data/*"), (change.Action, change.Resource));
    }

    [Fact]
    public void Compare_DenyOnPartOfAPattern_RemovesThatPart()
    {
        // Arrange
        var before = AnalysisKit.Analyzer(S3Read);
        var after = AnalysisKit.Analyzer(S3Read, """{"Effect":"Deny","Action":"s3:*","Resource":"arn:aws:s3:::data/secret/*"}""");

        // Act
        var delta = AccessDeltaCalculator.Compare(before, after);

        // Assert
        var change = Assert.Single(delta.Removed);
        Assert.Equal(("s3:GetObject", "arn:aws:s3:::data/secret/*"), (change.Action, change.Resource));
    }

    [Fact]
    public void Compare_EquivalentWildcardsRewritten_AddsNothing()
    {
        // Arrange: every IAM action starting "Li" starts "List"; "s3:Get*Object*" covers no fewer GetObject* actions than the list.
        var before = AnalysisKit.Analyzer("""{"Effect":"Allow","Action":["iam:List*","s3:GetObject","s3:GetObjectAcl"],"Resource":"*"}""");
        var after = AnalysisKit.Analyzer(
            """{"Effect":"Allow","Action":"iam:Li*","Resource":"*"}""",
            """{"Effect":"Allow","Action":["s3:GetObjec?","s3:GetObjectAc*"],"Resource":"*"}""");

        // Act
        var delta = AccessDeltaCalculator.Compare(before, after);

        // Assert
        Assert.True(delta.IsEmpty, string.Join(", ", delta.Changes.Select(c => $"{c.Kind} {c.Action} {c.Resource}")));
    }

    [Fact]
    public void Compare_ConditionAdded_ReportsBecameConditional()
    {
        // Arrange
        var before = AnalysisKit.Analyzer("""{"Effect":"Allow","Action":"ec2:StopInstances","Resource":"*"}""");
        var after = AnalysisKit.Analyzer("""{"Effect":"Allow","Action":"ec2:StopInstances","Resource":"*","Condition":{"Bool":{"aws:MultiFactorAuthPresent":"true"}}}""");

        // Act
        var delta = AccessDeltaCalculator.Compare(before, after);

        // Assert
        var change = Assert.Single(delta.Changes);
        Assert.Equal(AccessChangeKind.BecameConditional, change.Kind);
        Assert.Equal("aws:MultiFactorAuthPresent", Assert.Single(change.After.ConditionKeys));
    }
}
