using Governance.Core.Identity;

namespace Governance.Core.Tests.Identity;

public sealed class ActorIdRuleTests
{
    [Theory]
    [InlineData("alice")]
    [InlineData("alice@example.com")]
    [InlineData("auth0|5f7c8ec7c33c6c004bbafe82")]
    [InlineData("アリス")]
    [InlineData("bob \U0001F600 smith")]
    [InlineData("systemd:alice")]
    public void Refusal_IdThatNamesSomeone_IsNull(string id) => Assert.Null(ActorIdRule.Refusal(id));

    [Fact]
    public void Refusal_IdOfMaxLength_IsNull() => Assert.Null(ActorIdRule.Refusal(new string('a', ActorIdRule.MaxLength)));

    [Theory]
    [InlineData(null, "is missing")]
    [InlineData("", "is empty")]
    [InlineData("alice\nbob", "U+000A at position 6")]
    [InlineData("alice\u2028bob", "U+2028")]
    [InlineData("alice\u200Bbob", "U+200B")]
    [InlineData("\talice", "U+0009")]
    [InlineData("alice ", "begins or ends with a space")]
    [InlineData("system:approval-rules", "`system:`")]
    [InlineData("SYSTEM:approval-rules", "`system:`")]
    public void Refusal_IdThatCannotNameAnActor_SaysWhy(string? id, string why)
        => Assert.Contains(why, ActorIdRule.Refusal(id), StringComparison.Ordinal);

    [Fact]
    public void Refusal_LoneSurrogates_AreRefused()
    {
        // Built in code: attribute arguments are stored as UTF-8, which turns a lone surrogate into U+FFFD.
        var high = "alice" + (char)0xD800;
        var low = (char)0xDC00 + "alice";

        // Act and assert
        Assert.Contains("U+D800", ActorIdRule.Refusal(high), StringComparison.Ordinal);
        Assert.Contains("U+DC00", ActorIdRule.Refusal(low), StringComparison.Ordinal);
    }

    [Fact]
    public void Refusal_IdOneOverMaxLength_NamesTheLimit()
        => Assert.Equal("is longer than 256 characters", ActorIdRule.Refusal(new string('a', ActorIdRule.MaxLength + 1)));

    [Fact]
    public void Refusal_ServiceActor_IsRefusedSoNoTokenImitatesIt() => Assert.NotNull(ActorIdRule.Refusal(Actor.SystemId));
}
