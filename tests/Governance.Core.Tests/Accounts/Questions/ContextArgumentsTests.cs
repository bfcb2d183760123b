using Governance.Core.Accounts.Questions;

namespace Governance.Core.Tests.Accounts.Questions;

public sealed class ContextArgumentsTests
{
    [Fact]
    public void Parse_RepeatedKeyAndBracketList_GiveMultiValuedKeys()
    {
        // Act
        var (context, errors) = ContextArguments.Parse(["aws:TagKeys=team", "AWS:tagkeys=env", "aws:SourceVpc=[vpc-1, vpc-2]", "aws:SourceIp=203.0.113.7"]);

        // Assert
        Assert.Empty(errors);
        Assert.Equal(3, context.Count);
        Assert.True(context.TryGetValues("aws:TagKeys", out var tags));
        Assert.Equal(["team", "env"], tags.ToArray());
        Assert.True(context.TryGetValues("aws:SourceVpc", out var vpcs));
        Assert.Equal(["vpc-1", "vpc-2"], vpcs.ToArray());
        Assert.True(context.TryGetValues("aws:sourceip", out var ip), "keys compare case-insensitively, as AWS compares them");
        Assert.Equal(["203.0.113.7"], ip.ToArray());
    }

    [Theory]
    [InlineData("novalue")]
    [InlineData("=value")]
    public void Parse_ArgumentWithoutKey_ReportsItInBackticks(string argument)
    {
        // Act
        var (context, errors) = ContextArguments.Parse(["aws:SourceIp=203.0.113.7", argument]);

        // Assert
        Assert.Equal($"`{argument}`: expected KEY=VALUE, such as aws:SourceIp=203.0.113.7", Assert.Single(errors));
        Assert.Equal(1, context.Count);
    }

    [Fact]
    public void Parse_MoreArgumentsOrValuesThanTheLimit_ReportsTheLimit()
    {
        // Arrange: one key repeated, and one bracket list, each past the limit
        var repeated = Enumerable.Range(0, ContextArguments.MaxArguments + 1).Select(static i => $"aws:TagKeys=t{i}");
        var list = $"aws:TagKeys=[{string.Join(',', Enumerable.Range(0, ContextArguments.MaxArguments + 1).Select(static i => $"t{i}"))}]";

        // Act
        var (_, tooMany) = ContextArguments.Parse(repeated);
        var (_, tooLong) = ContextArguments.Parse([list]);
        var (_, withNul) = ContextArguments.Parse(["aws:SourceArn=arn:aws:s3:::a\0b"]);

        // Assert
        Assert.Contains(tooMany, static e => e.Contains($"more than {ContextArguments.MaxArguments}", StringComparison.Ordinal));
        Assert.Contains(tooLong, static e => e.Contains($"more than {ContextArguments.MaxArguments} values", StringComparison.Ordinal));
        Assert.Single(withNul);
    }

    [Fact]
    public void Parse_ArgumentLongerThanTheLimit_ReportedWithoutQuotingIt()
    {
        // Act
        var (_, errors) = ContextArguments.Parse([$"aws:SourceArn={new string('a', ContextArguments.MaxArgumentLength)}"]);

        // Assert
        var error = Assert.Single(errors);
        Assert.True(error.Length < 200, error);
    }
}
