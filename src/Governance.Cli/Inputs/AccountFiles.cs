using Governance.Core.Accounts;

namespace Governance.Cli.Inputs;

/// <summary>Loads the account snapshots named by <c>--account</c> options into one <see cref="AccountState"/>.</summary>
internal static class AccountFiles
{
    /// <summary>Reads every file (<c>-</c> from <paramref name="standardInput"/>); on any error returns all the errors, each naming its file.</summary>
    public static (AccountState? State, IReadOnlyList<InputError> Errors) Load(IReadOnlyList<string> paths, Stream standardInput)
    {
        var errors = new List<InputError>();
        var snapshots = new List<AccountSnapshot>();
        if (paths.Count == 0)
        {
            errors.Add(new InputError("no account snapshot given; pass --account FILE (the output of `aws iam get-account-authorization-details`)"));
        }
        foreach (var path in paths)
        {
            // Bytes, not text: the reader names invalid UTF-8 and foreign encodings instead of reading them as U+FFFD.
            var (text, readError) = InputFile.Read(path, standardInput);
            if (text is null)
            {
                errors.Add(readError!);
                continue;
            }
            var result = AccountSnapshotReader.Read(text);
            if (result.Success)
            {
                snapshots.Add(result.Snapshot!);
            }
            else
            {
                errors.AddRange(result.Errors.Take(10).Select(e => new InputError($"{InputFile.DisplayName(path)}: {e}")));
            }
        }
        return errors.Count > 0 ? (null, errors) : (new AccountState(snapshots), errors);
    }
}
