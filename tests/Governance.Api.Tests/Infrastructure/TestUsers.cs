namespace Governance.Api.Tests.Infrastructure;

/// <summary>Subjects for test tokens.</summary>
internal static class TestUsers
{
    /// <summary>A subject no other test uses, so lists and ownership stay independent between tests.</summary>
    public static string New(string name) => $"{name}-{Guid.NewGuid():N}"[..(name.Length + 9)];
}
