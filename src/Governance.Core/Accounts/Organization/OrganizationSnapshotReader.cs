using System.Text.Json;

namespace Governance.Core.Accounts.Organization;

/// <summary>
/// Reads an organisation snapshot: a folder holding <c>organization.json</c> and, for each account it knows,
/// <c>accounts/ID/authorization-details.json</c> (<c>aws iam get-account-authorization-details</c>, pages merged) and
/// <c>accounts/ID/resources.json</c>; or a single account's <c>get-account-authorization-details</c> file, read as an
/// organisation of that one account whose resource policies are unknown.
/// </summary>
/// <remarks>
/// <para>
/// Never throws for bad input: every problem is an <see cref="OrganizationReadProblem"/> naming the file, the JSON path
/// and, when known, the line. Errors leave no snapshot; a policy document that does not parse is a warning, and the
/// document is kept, marked (<see cref="PolicyText.Problem"/>). Every input is bounded by <see cref="OrganizationReadLimits"/>.
/// </para>
/// <para>
/// Keys the AWS CLI prints that the snapshot does not use (<c>Email</c>, <c>JoinedTimestamp</c>, ...) are ignored; a
/// key given twice in one object is an error, since which value was meant cannot be told.
/// </para>
/// </remarks>
public static class OrganizationSnapshotReader
{
    /// <summary>The organisation's file in a snapshot folder.</summary>
    public const string OrganizationFileName = "organization.json";

    /// <summary>The folder of per-account folders, each named by its 12-digit account id.</summary>
    public const string AccountsFolderName = "accounts";

    /// <summary>An account's IAM, as <c>aws iam get-account-authorization-details</c> prints it.</summary>
    public const string AuthorizationDetailsFileName = "authorization-details.json";

    /// <summary>An account's resource policies and settings.</summary>
    public const string ResourcesFileName = "resources.json";

    /// <summary>Reads the snapshot folder, or the single account's file, at <paramref name="path"/>.</summary>
    public static OrganizationReadResult Read(string path, OrganizationReadLimits? limits = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (Directory.Exists(path))
        {
            return ReadFolder(path, limits, cancellationToken);
        }
        if (File.Exists(path))
        {
            return ReadAccountFile(path, limits);
        }
        return Fail(new OrganizationReadProblem(string.Empty, string.Empty, $"no file or folder `{path}`"));
    }

    /// <summary>Reads a snapshot folder: <c>organization.json</c> and <c>accounts/</c>.</summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled between two accounts.</exception>
    public static OrganizationReadResult ReadFolder(string folder, OrganizationReadLimits? limits = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(folder);
        if (!Directory.Exists(folder))
        {
            return Fail(new OrganizationReadProblem(string.Empty, string.Empty, $"no folder `{folder}`"));
        }
        return Read(new SnapshotFolder(folder), limits, cancellationToken);
    }

    /// <summary>
    /// Reads a snapshot held as files in memory (the service's copy in its database, or a crawl's result) exactly as the
    /// folder they would make.
    /// </summary>
    /// <remarks>
    /// Files holding only <see cref="AuthorizationDetailsFileName"/> at the top (no <see cref="OrganizationFileName"/>) are
    /// a single account's export, read as <see cref="ReadAccountFile"/> reads it.
    /// </remarks>
    public static OrganizationReadResult Read(OrganizationFiles files, OrganizationReadLimits? limits = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(files);
        if (files.Find(OrganizationFileName) is null && files.Find(AuthorizationDetailsFileName) is { } single)
        {
            limits ??= OrganizationReadLimits.Default;
            var log = new ProblemLog(limits.MaxProblems);
            var fileLog = log.For(AuthorizationDetailsFileName);
            var bytes = single.Length <= limits.MaxAuthorizationDetailsBytes ? single : null;
            if (bytes is null)
            {
                fileLog.Error(string.Empty, $"the file is {single.Length} bytes; at most {limits.MaxAuthorizationDetailsBytes} are read");
            }
            return ReadAccountBytes(bytes, AuthorizationDetailsFileName, limits, log, fileLog);
        }
        return Read(new SnapshotInMemory(files), limits, cancellationToken);
    }

    private static OrganizationReadResult Read(ISnapshotSource source, OrganizationReadLimits? limits, CancellationToken cancellationToken)
    {
        limits ??= OrganizationReadLimits.Default;
        var log = new ProblemLog(limits.MaxProblems);
        var budget = new Budget(limits.MaxTotalBytes);

        OrganizationFile? organization = null;
        var orgLog = log.For(OrganizationFileName);
        var orgBytes = ReadBytes(source, OrganizationFileName, limits.MaxOrganizationBytes, budget, orgLog);
        if (orgBytes is not null)
        {
            using var document = JsonFile.Parse(orgBytes, limits.MaxJsonDepth, orgLog);
            if (document is not null)
            {
                organization = OrganizationFileReader.Read(document.RootElement, new FieldReader(orgLog, limits));
            }
        }
        else if (orgLog.ErrorCount == 0)
        {
            orgLog.Error(string.Empty, "the file is missing: a snapshot folder holds `organization.json` (from `aws organizations`) and `accounts/`");
        }
        orgLog.Flush(orgBytes ?? ReadOnlyMemory<byte>.Empty, limits.MaxJsonDepth);

        var contents = ReadAccounts(source, limits, log, budget, cancellationToken);
        if (organization is not null && contents is not null)
        {
            var held = contents.Select(static c => c.AccountId).ToHashSet(StringComparer.Ordinal);
            foreach (var account in organization.Accounts.Where(a => !held.Contains(a.Id)))
            {
                log.Warning(new OrganizationReadProblem($"{AccountsFolderName}/{account.Id}", string.Empty,
                    $"account `{account.Id}` (`{account.Name}`) has no folder: its IAM and resources are unknown"));
            }
        }
        if (log.ErrorCount > 0 || organization is null)
        {
            return new OrganizationReadResult(null, log.Errors, log.Warnings);
        }
        var snapshot = new OrganizationSnapshot(organization.Organization, organization.Roots, organization.OrganizationalUnits,
            organization.Accounts, organization.Policies, organization.ServiceControlPoliciesEnabled, organization.ResourceControlPoliciesEnabled,
            contents ?? [], resourcePoliciesKnown: true);
        return new OrganizationReadResult(snapshot, [], log.Warnings);
    }

    /// <summary>
    /// Reads one account's <c>get-account-authorization-details</c> file as an organisation of that one account: no
    /// SCPs, no RCPs, and resource policies unknown (<see cref="OrganizationSnapshot.ResourcePoliciesKnown"/> false,
    /// and a warning says so).
    /// </summary>
    public static OrganizationReadResult ReadAccountFile(string file, OrganizationReadLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(file);
        limits ??= OrganizationReadLimits.Default;
        var log = new ProblemLog(limits.MaxProblems);
        var name = Path.GetFileName(file);
        var fileLog = log.For(name);
        var bytes = ReadFile(file, limits.MaxAuthorizationDetailsBytes, new Budget(limits.MaxTotalBytes), fileLog);
        return ReadAccountBytes(bytes, name, limits, log, fileLog);
    }

    private static OrganizationReadResult ReadAccountBytes(byte[]? bytes, string name, OrganizationReadLimits limits, ProblemLog log, FileLog fileLog)
    {
        if (bytes is null)
        {
            if (fileLog.ErrorCount == 0)
            {
                fileLog.Error(string.Empty, "the file is missing");
            }
            fileLog.Flush(ReadOnlyMemory<byte>.Empty, limits.MaxJsonDepth);
            return new OrganizationReadResult(null, log.Errors, log.Warnings);
        }
        AccountSnapshot? iam = null;
        using (var document = JsonFile.Parse(bytes, limits.MaxJsonDepth, fileLog))
        {
            if (document is not null && document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("Organization", out _))
            {
                fileLog.Error(string.Empty, $"this is an organisation's `{OrganizationFileName}`: give the folder that holds it");
            }
            else if (document is not null)
            {
                iam = ReadIam(document.RootElement, fileLog);
            }
        }
        fileLog.Flush(bytes, limits.MaxJsonDepth);
        if (iam is null || log.ErrorCount > 0)
        {
            return new OrganizationReadResult(null, log.Errors, log.Warnings);
        }

        var owners = iam.Users.Select(static u => u.Arn).Concat(iam.Roles.Select(static r => r.Arn)).Concat(iam.Groups.Select(static g => g.Arn))
            .Select(AccountSnapshot.AccountOf).Where(FieldReader.IsAccountId)
            .GroupBy(static a => a, StringComparer.Ordinal)
            .OrderByDescending(static g => g.Count()).ThenBy(static g => g.Key, StringComparer.Ordinal)
            .Select(static g => g.Key).ToArray();
        var accountId = owners.FirstOrDefault() ?? string.Empty;
        if (owners.Length == 0)
        {
            log.Warning(new OrganizationReadProblem(name, string.Empty, "the export names no user, group or role, so its account id is unknown"));
        }
        else if (owners.Length > 1)
        {
            log.Warning(new OrganizationReadProblem(name, string.Empty,
                $"the export's principals belong to accounts {string.Join(", ", owners.Select(static o => $"`{o}`"))}; it is read as account `{accountId}`, which has most of them"));
        }
        log.Warning(new OrganizationReadProblem(name, string.Empty,
            "resource policies unknown: a single account's IAM export holds no SCP, RCP, bucket, key or other resource policy, so answers cannot take them into account"));
        return new OrganizationReadResult(OrganizationSnapshot.SingleAccount(accountId, iam), [], log.Warnings);
    }

    private static List<AccountContents>? ReadAccounts(ISnapshotSource source, OrganizationReadLimits limits, ProblemLog log, Budget budget,
        CancellationToken cancellationToken)
    {
        if (!source.HasAccountsFolder)
        {
            log.Warning(new OrganizationReadProblem($"{AccountsFolderName}/", string.Empty,
                "the folder is missing: the snapshot holds no account's IAM or resources"));
            return null;
        }
        var names = new List<(string Name, bool IsFolder)>();
        try
        {
            foreach (var entry in source.AccountEntries())
            {
                // Hidden entries are the file system's or an editor's (.DS_Store, .git), never an account.
                if (entry.Name.StartsWith('.'))
                {
                    continue;
                }
                if (names.Count == limits.MaxAccounts)
                {
                    log.Error(new OrganizationReadProblem($"{AccountsFolderName}/", string.Empty,
                        $"more than {limits.MaxAccounts} entries; at most {limits.MaxAccounts} accounts are read"));
                    return null;
                }
                names.Add(entry);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Security.SecurityException)
        {
            log.Error(new OrganizationReadProblem($"{AccountsFolderName}/", string.Empty, $"cannot list the folder: {e.Message}"));
            return null;
        }

        var contents = new List<AccountContents>();
        var owners = new Owners();
        foreach (var (name, isFolder) in names.OrderBy(static n => n.Name, StringComparer.Ordinal))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var display = $"{AccountsFolderName}/{name}";
            if (!isFolder)
            {
                log.Warning(new OrganizationReadProblem(display, string.Empty, "not a folder; ignored: each account has a folder named by its 12-digit id"));
                continue;
            }
            if (!FieldReader.IsAccountId(name))
            {
                log.Error(new OrganizationReadProblem(display, string.Empty,
                    $"`{name}` is not an account id: each folder under `accounts/` is named by a 12-digit account id"));
                continue;
            }
            var iam = ReadAccountIam(source, name, limits, log, budget, out var hasIam);
            var resources = ReadAccountResources(source, name, limits, log, budget, owners, out var hasResources);
            if (!hasIam && !hasResources)
            {
                log.Warning(new OrganizationReadProblem(display, string.Empty,
                    $"holds neither `{AuthorizationDetailsFileName}` nor `{ResourcesFileName}`; ignored"));
                continue;
            }
            if (!hasIam)
            {
                log.Warning(new OrganizationReadProblem(display, string.Empty, $"no `{AuthorizationDetailsFileName}`: the account's IAM is unknown"));
            }
            if (!hasResources)
            {
                log.Warning(new OrganizationReadProblem(display, string.Empty, $"no `{ResourcesFileName}`: the account's resource policies are unknown"));
            }
            contents.Add(new AccountContents(name, iam, resources));
        }
        return contents;
    }

    private static AccountSnapshot? ReadAccountIam(ISnapshotSource source, string accountId, OrganizationReadLimits limits, ProblemLog log, Budget budget,
        out bool present)
    {
        var file = $"{AccountsFolderName}/{accountId}/{AuthorizationDetailsFileName}";
        var fileLog = log.For(file);
        var bytes = ReadBytes(source, file, limits.MaxAuthorizationDetailsBytes, budget, fileLog);
        present = bytes is not null || fileLog.ErrorCount > 0;
        AccountSnapshot? iam = null;
        if (bytes is not null)
        {
            using var document = JsonFile.Parse(bytes, limits.MaxJsonDepth, fileLog);
            if (document is not null && ReadIam(document.RootElement, fileLog) is { } read)
            {
                var others = read.AccountIds.Where(a => a != accountId).ToArray();
                if (others.Length > 0)
                {
                    fileLog.Error(string.Empty,
                        $"the export's principals belong to {string.Join(", ", others.Select(static o => $"`{o}`"))}, not to `{accountId}` whose folder holds it");
                }
                else
                {
                    iam = read;
                }
            }
        }
        fileLog.Flush(bytes ?? ReadOnlyMemory<byte>.Empty, limits.MaxJsonDepth);
        return iam;
    }

    private static AccountResources? ReadAccountResources(ISnapshotSource source, string accountId, OrganizationReadLimits limits, ProblemLog log, Budget budget,
        Owners owners, out bool present)
    {
        var file = $"{AccountsFolderName}/{accountId}/{ResourcesFileName}";
        var fileLog = log.For(file);
        var bytes = ReadBytes(source, file, limits.MaxResourcesBytes, budget, fileLog);
        present = bytes is not null || fileLog.ErrorCount > 0;
        AccountResources? resources = null;
        if (bytes is not null)
        {
            using var document = JsonFile.Parse(bytes, limits.MaxJsonDepth, fileLog);
            if (document is not null && ResourcesFileReader.Read(document.RootElement, new FieldReader(fileLog, limits), accountId) is { } read
                && owners.Claim(read, accountId, fileLog))
            {
                resources = read;
            }
        }
        fileLog.Flush(bytes ?? ReadOnlyMemory<byte>.Empty, limits.MaxJsonDepth);
        return resources;
    }

    /// <summary>Reads IAM with the existing reader, its errors carried over with their paths.</summary>
    private static AccountSnapshot? ReadIam(JsonElement root, FileLog fileLog)
    {
        var result = AccountSnapshotReader.Read(root);
        foreach (var error in result.Errors)
        {
            fileLog.Error(error.Path, error.Message, error.Line);
        }
        return result.Success ? result.Snapshot : null;
    }

    /// <summary>A snapshot file's bytes; null when it does not exist or cannot be read (the latter reported).</summary>
    private static byte[]? ReadBytes(ISnapshotSource source, string relativePath, long max, Budget budget, FileLog fileLog)
    {
        if (source is SnapshotFolder folder)
        {
            return ReadFile(Path.Combine(folder.Path, relativePath), max, budget, fileLog);
        }
        var bytes = ((SnapshotInMemory)source).Files.Find(relativePath);
        if (bytes is null)
        {
            return null;
        }
        return Admit(bytes.Length, max, budget, fileLog) ? bytes : null;
    }

    /// <summary>Whether a file of <paramref name="length"/> bytes may be read: within its own bound and the snapshot's; reported when not.</summary>
    private static bool Admit(long length, long max, Budget budget, FileLog fileLog)
    {
        if (length > max)
        {
            fileLog.Error(string.Empty, $"the file is {length} bytes; at most {max} are read");
            return false;
        }
        if (!budget.Take(length))
        {
            fileLog.Error(string.Empty, $"the snapshot's files come to more than {budget.Max} bytes; at most {budget.Max} are read in all");
            return false;
        }
        return true;
    }

    /// <summary>A file's bytes; null when it does not exist or cannot be read (the latter reported).</summary>
    private static byte[]? ReadFile(string path, long max, Budget budget, FileLog fileLog)
    {
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists)
            {
                if (Directory.Exists(path))
                {
                    fileLog.Error(string.Empty, "a folder where a file was expected");
                }
                return null;
            }
            if (!Admit(info.Length, max, budget, fileLog))
            {
                return null;
            }
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
            // The length is read again from the stream: a file may grow, or be a device that never ends.
            var buffer = new byte[info.Length];
            var read = stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
            if (stream.ReadByte() >= 0)
            {
                fileLog.Error(string.Empty, "the file grew while it was read; read it again once it is written");
                return null;
            }
            return read == buffer.Length ? buffer : buffer[..read];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Security.SecurityException)
        {
            fileLog.Error(string.Empty, $"cannot read the file: {e.Message}");
            return null;
        }
    }

    private static OrganizationReadResult Fail(OrganizationReadProblem problem) => new(null, [problem], []);

    /// <summary>Where the snapshot's files are: a folder, or files held in memory.</summary>
    private interface ISnapshotSource
    {
        bool HasAccountsFolder { get; }

        /// <summary>The entries of <c>accounts/</c>: each name, and whether it is a folder.</summary>
        /// <exception cref="IOException">The folder cannot be listed.</exception>
        IEnumerable<(string Name, bool IsFolder)> AccountEntries();
    }

    private sealed record SnapshotFolder(string Path) : ISnapshotSource
    {
        public bool HasAccountsFolder => Directory.Exists(System.IO.Path.Combine(Path, AccountsFolderName));

        public IEnumerable<(string Name, bool IsFolder)> AccountEntries()
            => new DirectoryInfo(System.IO.Path.Combine(Path, AccountsFolderName)).EnumerateFileSystemInfos()
                .Select(static e => (e.Name, e is DirectoryInfo));
    }

    private sealed record SnapshotInMemory(OrganizationFiles Files) : ISnapshotSource
    {
        private const string Prefix = AccountsFolderName + "/";

        public bool HasAccountsFolder => Files.Paths.Any(static p => p.StartsWith(Prefix, StringComparison.Ordinal));

        public IEnumerable<(string Name, bool IsFolder)> AccountEntries()
            => Files.Paths.Where(static p => p.StartsWith(Prefix, StringComparison.Ordinal))
                .Select(static p => p[Prefix.Length..])
                .Select(static rest => rest.IndexOf('/', StringComparison.Ordinal) is var slash and >= 0 ? (rest[..slash], true) : (rest, false))
                .Distinct();
    }

    /// <summary>The bytes left to read over the whole snapshot.</summary>
    private sealed class Budget(long max)
    {
        private long _used;

        public long Max => max;

        public bool Take(long bytes)
        {
            if (_used + bytes > max)
            {
                return false;
            }
            _used += bytes;
            return true;
        }
    }

    /// <summary>Which account holds each bucket name, key ARN and other resource ARN: each is in one account only.</summary>
    private sealed class Owners
    {
        private readonly Dictionary<string, string> _buckets = new(StringComparer.Ordinal);
        private readonly Dictionary<string, string> _keys = new(StringComparer.Ordinal);
        private readonly Dictionary<string, string> _other = new(StringComparer.Ordinal);

        public bool Claim(AccountResources resources, string accountId, FileLog fileLog)
        {
            var ok = true;
            for (var i = 0; i < resources.Buckets.Length; i++)
            {
                ok &= Claim(_buckets, resources.Buckets[i].Name, $"Buckets[{i}].Name", "bucket", accountId, fileLog);
            }
            for (var i = 0; i < resources.KmsKeys.Length; i++)
            {
                ok &= Claim(_keys, resources.KmsKeys[i].Arn, $"KmsKeys[{i}].Arn", "key", accountId, fileLog);
            }
            for (var i = 0; i < resources.Other.Length; i++)
            {
                ok &= Claim(_other, resources.Other[i].Arn, $"Other[{i}].Arn", "resource", accountId, fileLog);
            }
            return ok;
        }

        private static bool Claim(Dictionary<string, string> owners, string key, string path, string what, string accountId, FileLog fileLog)
        {
            if (owners.TryAdd(key, accountId))
            {
                return true;
            }
            fileLog.Error(path, $"{what} `{key}` is also listed by account `{owners[key]}`: a resource belongs to one account");
            return false;
        }
    }
}
