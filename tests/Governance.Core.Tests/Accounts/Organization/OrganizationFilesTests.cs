using System.Text;
using Governance.Core.Accounts.Organization;
using TestSupport.Files;
using TestSupport.Paths;

namespace Governance.Core.Tests.Accounts.Organization;

public sealed class OrganizationFilesTests
{
    public static TheoryData<string> Folders => [.. Directory.GetDirectories(TestData.Path("organizations"))
        .Append(Path.Combine(RepositoryPaths.Policies, "demo-org"))];

    [Theory]
    [MemberData(nameof(Folders))]
    public void Read_FilesOfAFolder_ReadsAsTheFolderDoes(string folder)
    {
        // Arrange: the service keeps a folder's files in its database and reads them back from memory.
        var fromFolder = OrganizationSnapshotReader.ReadFolder(folder);

        // Act
        var fromFiles = OrganizationSnapshotReader.Read(OrganizationFiles.FromFolder(folder));

        // Assert: the same problems (stray non-folder entries under accounts/ are not snapshot files, so not copied)
        // and the same picture.
        static IEnumerable<string> Problems(OrganizationReadResult r) => r.Errors.Concat(r.Warnings).Select(static p => p.ToString())
            .Where(static p => !p.Contains("not a folder", StringComparison.Ordinal));
        Assert.Equal(Problems(fromFolder), Problems(fromFiles));
        Assert.Equal(fromFolder.Success, fromFiles.Success);
        if (fromFolder.Success)
        {
            Assert.Equal(fromFolder.Snapshot!.Contents.Select(static c => (c.AccountId, c.Iam?.Roles.Length, c.Resources?.Buckets.Length)),
                fromFiles.Snapshot!.Contents.Select(static c => (c.AccountId, c.Iam?.Roles.Length, c.Resources?.Buckets.Length)));
            Assert.Equal(fromFolder.Snapshot.Policies.Select(static p => (p.Name, p.Content.Text)), fromFiles.Snapshot.Policies.Select(static p => (p.Name, p.Content.Text)));
        }
    }

    [Fact]
    public void WriteTo_ThenFromFolder_GivesTheSameFiles()
    {
        // Arrange
        using var temp = TempFolder.Create();
        var files = OrganizationFiles.Empty
            .With("organization.json", "{}"u8)
            .With(OrganizationFiles.AccountFile("111111111111", "resources.json"), Encoding.UTF8.GetBytes("""{"Buckets":[]}"""));

        // Act
        files.WriteTo(temp.Path);
        var back = OrganizationFiles.FromFolder(temp.Path);

        // Assert
        Assert.Equal(files.Paths, back.Paths);
        Assert.Equal("""{"Buckets":[]}""", Encoding.UTF8.GetString(back["accounts/111111111111/resources.json"]!.Value.Span));
    }

    [Fact]
    public void Indexer_PathNotHeld_IsNullNotEmpty()
    {
        var files = OrganizationFiles.Empty.With("organization.json", "{}"u8);

        Assert.Null(files["accounts/111111111111/resources.json"]);
        Assert.Equal(2, files["organization.json"]!.Value.Length);
    }

    [Theory]
    [InlineData("../organization.json")]
    [InlineData("/etc/passwd")]
    [InlineData("accounts//x.json")]
    [InlineData("accounts\\111111111111\\resources.json")]
    [InlineData("accounts/./resources.json")]
    public void With_PathOutsideTheFolder_Throws(string path)
        => Assert.Throws<ArgumentException>(() => OrganizationFiles.Empty.With(path, "{}"u8));
}
