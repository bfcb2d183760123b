using System.Collections.Immutable;
using Governance.Core.Accounts.Organization;
using Governance.Core.Infrastructure.Aws.Crawl;
using Governance.Core.Infrastructure.Aws.Organizations;

namespace Governance.Cli.Commands;

/// <summary>
/// <c>iamgov snapshot --org --output-dir DIR</c>: crawls the organisation into a snapshot folder, written beside
/// <c>DIR</c> first and moved into place only once <see cref="OrganizationSnapshotReader"/> reads it without error, so
/// that <c>DIR</c> never holds half a snapshot.
/// </summary>
internal static class OrganizationSnapshotRun
{
    /// <summary>Every account asked for was read.</summary>
    public const int Complete = 0;

    /// <summary>Some accounts could not be read; the folder is written without them.</summary>
    public const int AccountsMissing = 1;

    /// <summary>The organisation itself could not be read, or the folder not written; nothing was changed.</summary>
    public const int Failed = 2;

    public static async Task<int> RunAsync(OrganizationCrawlOptions options, string output, TextWriter stderr, CancellationToken cancellationToken)
    {
        var target = Path.GetFullPath(output);
        if (Refusal(target) is { } refusal)
        {
            return Fail(stderr, $"cannot write `{target}`: {refusal}");
        }
        var parent = Path.GetDirectoryName(target)!;
        var temporary = Path.Combine(parent, $".{Path.GetFileName(target)}.tmp-{Guid.NewGuid():N}");
        try
        {
            // Made before anything is read, so that a folder that cannot be written fails at once.
            Directory.CreateDirectory(temporary);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Fail(stderr, $"cannot write beside `{target}`: {e.Message}");
        }
        try
        {
            return await CrawlIntoAsync(options, target, temporary, stderr, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            if (Directory.Exists(temporary))
            {
                Directory.Delete(temporary, recursive: true);
            }
        }
    }

    private static async Task<int> CrawlIntoAsync(OrganizationCrawlOptions options, string target, string temporary, TextWriter stderr,
        CancellationToken cancellationToken)
    {
        OrganizationCrawl crawl;
        try
        {
            crawl = await OrganizationCrawler.CrawlAsync(options, cancellationToken).ConfigureAwait(false);
        }
        catch (ArgumentException e)
        {
            return Fail(stderr, e.Message.Split(" (Parameter", 2)[0]);
        }
        if (crawl.Failure is { } failure)
        {
            // No call was made when the credentials or an endpoint are missing: their message says what to set.
            Fail(stderr, OneLine(failure.HttpStatus is null && failure.Code is "NoCredentials" or "InvalidEndpoint"
                ? failure.Message
                : $"the organisation cannot be read: {failure.Describe()}"));
            if (Hint(failure) is { } hint)
            {
                stderr.WriteLine($"iamgov: {hint}");
            }
            return Failed;
        }
        foreach (var problem in crawl.Problems)
        {
            stderr.WriteLine($"iamgov: not read: {OneLine(problem.ToString())}");
        }

        OrganizationReadResult read;
        try
        {
            crawl.Files.WriteTo(temporary);
            read = OrganizationSnapshotReader.ReadFolder(temporary, cancellationToken: cancellationToken);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Fail(stderr, $"cannot write beside `{target}`: {e.Message}");
        }
        if (!read.Success)
        {
            foreach (var error in read.Errors)
            {
                stderr.WriteLine($"iamgov: the crawl's snapshot does not read back: {error}");
            }
            return Fail(stderr, $"`{target}` was left as it was");
        }
        try
        {
            Replace(target, temporary);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Fail(stderr, $"cannot move the snapshot into `{target}`: {e.Message}");
        }
        var snapshot = read.Snapshot!;
        var asked = crawl.AccountsRead.Length + crawl.Problems.Length;
        stderr.WriteLine($"iamgov: wrote {target}: organisation {snapshot.Organization?.Id} ({snapshot.Accounts.Length} accounts, "
            + $"{snapshot.OrganizationalUnits.Length} OUs, {snapshot.Policies.Length} SCPs and RCPs); read {crawl.AccountsRead.Length} of {asked} accounts"
            + (crawl.Problems.IsEmpty ? "" : $", {crawl.Problems.Length} not read (above)"));
        return crawl.Problems.IsEmpty ? Complete : AccountsMissing;
    }

    /// <summary>Why <paramref name="target"/> cannot take a snapshot, or null: its parent must exist, and it must be new, empty or a snapshot.</summary>
    private static string? Refusal(string target)
    {
        var parent = Path.GetDirectoryName(target);
        if (parent is null)
        {
            return "a snapshot folder cannot be the file system's root";
        }
        if (!Directory.Exists(parent))
        {
            return $"its parent folder `{parent}` does not exist";
        }
        if (File.Exists(target))
        {
            return "it is a file; a snapshot is a folder";
        }
        if (Directory.Exists(target) && Directory.EnumerateFileSystemEntries(target).Any()
            && !File.Exists(Path.Combine(target, OrganizationSnapshotReader.OrganizationFileName)))
        {
            return $"it is a folder that holds no `{OrganizationSnapshotReader.OrganizationFileName}`; give a new or empty folder, or a snapshot to replace";
        }
        return null;
    }

    /// <summary>Moves the new snapshot into place; an old one is moved aside first and deleted once the new one is there.</summary>
    private static void Replace(string target, string temporary)
    {
        if (!Directory.Exists(target))
        {
            Directory.Move(temporary, target);
            return;
        }
        var aside = Path.Combine(Path.GetDirectoryName(target)!, $".{Path.GetFileName(target)}.old-{Guid.NewGuid():N}");
        Directory.Move(target, aside);
        try
        {
            Directory.Move(temporary, target);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The old snapshot goes back; the caller reports the failure.
            Directory.Move(aside, target);
            throw;
        }
        Directory.Delete(aside, recursive: true);
    }

    /// <summary>What to do about a failure whose message does not say it already.</summary>
    private static string? Hint(AwsCallError error) => error.Code switch
    {
        "AWSOrganizationsNotInUseException" => "the credentials' account is in no organisation; `iamgov snapshot --output-file FILE` reads one account",
        "AccessDeniedException" or "AccessDenied" => "run it with credentials of the management account (or a delegated administrator) allowed organizations:Describe* and organizations:List*",
        _ => null,
    };

    private static int Fail(TextWriter stderr, string message)
    {
        stderr.WriteLine($"iamgov: {message}");
        return Failed;
    }

    /// <summary>The SDK's messages run over lines; the CLI reports each problem on one.</summary>
    private static string OneLine(string text) => string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    /// <summary>Reads <c>--accounts ID,ID</c>: 12-digit ids, or the first that is not one.</summary>
    public static (ImmutableArray<string> Ids, string? Error) ParseAccounts(string? text)
    {
        if (text is null)
        {
            return ([], null);
        }
        var ids = text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (ids.Length == 0)
        {
            return ([], "--accounts: give one or more 12-digit account ids, separated by commas");
        }
        return ids.FirstOrDefault(static id => id.Length != 12 || !id.All(char.IsAsciiDigit)) is { } bad
            ? ([], $"--accounts: `{bad}` is not a 12-digit account id")
            : ([.. ids.Distinct(StringComparer.Ordinal)], null);
    }
}
