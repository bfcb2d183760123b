namespace TestSupport.Paths;

/// <summary>Paths of the shared test data (<c>tests/data</c>), which every test project copies beside its assembly as
/// <c>TestData/</c> (see <c>tests/Directory.Build.targets</c>).</summary>
public static class TestData
{
    /// <summary>A file or folder under <c>TestData/</c>.</summary>
    public static string Path(params string[] parts) => System.IO.Path.Combine([AppContext.BaseDirectory, "TestData", .. parts]);

    /// <summary>An account export in <c>TestData/accounts/</c>.</summary>
    public static string Account(string name) => Path("accounts", name);
}
