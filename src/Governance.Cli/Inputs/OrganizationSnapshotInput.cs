using Governance.Core.Accounts.Organization;

namespace Governance.Cli.Inputs;

/// <summary>Reads the organisation snapshot a <c>--org</c> option names: a snapshot folder, or one account's file.</summary>
internal static class OrganizationSnapshotInput
{
    /// <summary>
    /// The snapshot at <paramref name="path"/> (<c>-</c>: one account's file on <paramref name="standardInput"/>), unless <paramref name="errors"/> (the command's own) already stop the
    /// command; null after writing every error to <paramref name="stderr"/>.
    /// </summary>
    public static OrganizationSnapshot? Read(string path, Stream standardInput, List<string> errors, TextWriter stderr)
    {
        var read = errors.Count == 0 ? OrganizationSnapshotSource.Read(path, standardInput) : null;
        errors.AddRange(read?.Errors.Take(10).Select(static e => e.ToString()) ?? []);
        if (errors.Count > 0 || read?.Snapshot is not { } snapshot)
        {
            foreach (var error in errors)
            {
                stderr.WriteLine($"iamgov: {MessageText.OneLine(error)}");
            }
            return null;
        }
        return snapshot;
    }
}
