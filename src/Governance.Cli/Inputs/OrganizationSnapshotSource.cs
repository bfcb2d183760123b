using System.Collections.Immutable;
using Governance.Core.Accounts.Organization;

namespace Governance.Cli.Inputs;

/// <summary>
/// What a <c>--org</c> option names: a snapshot folder, one account's <c>get-account-authorization-details</c> file, or
/// <c>-</c>, that file on standard input.
/// </summary>
internal static class OrganizationSnapshotSource
{
    /// <summary>The snapshot <paramref name="path"/> names, or every reason it could not be read.</summary>
    public static OrganizationReadResult Read(string path, Stream standardInput)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!InputFile.IsStandardInput(path))
        {
            return Directory.Exists(path) || File.Exists(path)
                ? OrganizationSnapshotReader.Read(path)
                : Fail($"{InputFile.DisplayName(path)}: no such file or folder");
        }
        var (bytes, error) = InputFile.Read(path, standardInput);
        if (bytes is null)
        {
            return Fail(error!.Message);
        }
        // A folder cannot come through a pipe; one account's export can, read as the reader reads such a file.
        var files = OrganizationFiles.Empty.With(OrganizationSnapshotReader.AuthorizationDetailsFileName, bytes);
        var read = OrganizationSnapshotReader.Read(files);
        var name = InputFile.DisplayName(path);
        return read with
        {
            Errors = [.. read.Errors.Select(e => e.File.Length == 0 ? e : e with { File = name })],
            Warnings = [.. read.Warnings.Select(e => e.File.Length == 0 ? e : e with { File = name })],
        };
    }

    private static OrganizationReadResult Fail(string message) =>
        new(null, [new OrganizationReadProblem(string.Empty, string.Empty, message)], ImmutableArray<OrganizationReadProblem>.Empty);
}
