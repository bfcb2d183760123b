using System.Collections.Immutable;
using Governance.Core.Accounts.Organization;

namespace Governance.Core.Hosting;

/// <summary>The files the organisation copy starts from: the configured snapshot, or the account copy of a service that ran before the copy moved into the database.</summary>
public static class OrganizationSeed
{
    /// <summary>Reads the seed: a snapshot folder, or one account's <c>get-account-authorization-details</c> file.</summary>
    /// <returns>The files and where they came from; or the reading errors, each naming its file and place.</returns>
    public static (OrganizationFiles? Files, string Source, ImmutableArray<OrganizationReadProblem> Errors) Read(GovernancePaths paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var path = File.Exists(paths.LegacyAccountCopy) ? paths.LegacyAccountCopy : paths.OrganizationSeed;
        var read = OrganizationSnapshotReader.Read(path);
        if (!read.Success)
        {
            return (null, path, read.Errors);
        }
        var files = Directory.Exists(path)
            ? OrganizationFiles.FromFolder(path)
            : OrganizationFiles.Empty.With(OrganizationSnapshotReader.AuthorizationDetailsFileName, File.ReadAllBytes(path));
        return (files, path, []);
    }
}
