namespace Governance.Core.Tests;

/// <summary>Paths of the shared test data copied beside the test assembly.</summary>
internal static class TestData
{
    public static string Path(params string[] parts) => System.IO.Path.Combine([AppContext.BaseDirectory, "TestData", .. parts]);

    public static string Account(string name) => Path("accounts", name);
}
