using Governance.Core.Accounts;

namespace Governance.Cli.Inputs;

/// <summary>Loads the account snapshots named by <c>--account</c> options into one <see cref="AccountState"/>.</summary>
internal static class AccountFiles
{
    /// <summary>Reads every file; on any error returns all the errors, each naming its file.</summary>
    public static (AccountState? State, IReadOnlyList<InputError> Errors) Load(IReadOnlyList<FileInfo> files)
    {
        var errors = new List<InputError>();
        var snapshots = new List<AccountSnapshot>();
        if (files.Count == 0)
        {
            errors.Add(new InputError("no account snapshot given; pass --account FILE (the output of `aws iam get-account-authorization-details`)"));
        }
        foreach (var file in files)
        {
            if (!file.Exists)
            {
                errors.Add(new InputError($"{file.FullName}: no such file"));
                continue;
            }
            byte[] text;
            try
            {
                // Bytes, not text: the reader names invalid UTF-8 and foreign encodings instead of reading them as U+FFFD.
                text = File.ReadAllBytes(file.FullName);
            }
            catch (IOException e)
            {
                errors.Add(new InputError($"{file.FullName}: {e.Message}"));
                continue;
            }
            catch (UnauthorizedAccessException e)
            {
                errors.Add(new InputError($"{file.FullName}: {e.Message}"));
                continue;
            }
            var result = AccountSnapshotReader.Read(text);
            if (result.Success)
            {
                snapshots.Add(result.Snapshot!);
            }
            else
            {
                errors.AddRange(result.Errors.Take(10).Select(e => new InputError($"{file.FullName}: {e}")));
            }
        }
        return errors.Count > 0 ? (null, errors) : (new AccountState(snapshots), errors);
    }
}
