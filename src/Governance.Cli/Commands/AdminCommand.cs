using System.CommandLine;
using Governance.Cli.Backup;
using Governance.Cli.Inputs;
using Microsoft.Extensions.Configuration;

namespace Governance.Cli.Commands;

/// <summary>
/// <c>iamgov admin backup --to DIR [--data-dir DIR]</c> and <c>iamgov admin restore --from DIR [--data-dir DIR] [--force]</c>:
/// the embedded service's SQLite database and data folder copied while it runs, and put back while it is stopped.
/// PostgreSQL is refused with the way to do it instead (<c>pg_dump -Fc</c> / <c>pg_restore</c>).
/// </summary>
/// <remarks>Exit codes: 0 done, 2 usage or could not run (nothing restored then).</remarks>
internal static class AdminCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("admin", "operate the embedded service: back up its SQLite database and data folder, restore them");
        command.Subcommands.Add(CreateBackup(context.Time));
        command.Subcommands.Add(CreateRestore());
        return command;
    }

    private static Option<string?> DataDirOption() => new("--data-dir")
    {
        Description = "the service's data folder, its Governance:DataDirectory (default: $Governance__DataDirectory, else data/)",
        HelpName = "DIR",
    };

    private static Command CreateBackup(TimeProvider time)
    {
        var to = new Option<string>("--to") { Description = "a new or empty folder to write the backup into (made 0700, its files 0600)", Required = true, HelpName = "DIR" };
        var dataDir = DataDirOption();
        var command = new Command("backup", "copy the SQLite database (SQLite's online backup API, while the service runs), the keys, the audit checkpoints "
            + "and the rest of the data folder, with a manifest.json of sizes and SHA-256") { to, dataDir };
        command.SetAction(parse => Run(parse, parse.GetValue(dataDir), lookUpwards: true, storage =>
        {
            var target = Path.GetFullPath(parse.GetValue(to)!);
            var (manifest, error) = ServiceBackup.Run(storage, target, time.GetUtcNow(), ToolVersion.Text);
            return (error, manifest is null ? null : $"backed up {storage.DataDirectory} to {target}: {manifest.Files.Count} files, {Head(manifest)}");
        }));
        return command;
    }

    private static Command CreateRestore()
    {
        var from = new Option<string>("--from") { Description = "a folder written by `iamgov admin backup`", Required = true, HelpName = "DIR" };
        var dataDir = DataDirOption();
        var force = new Option<bool>("--force") { Description = "replace what the backup holds in a data folder that is not empty (stop the service first)" };
        var command = new Command("restore", "check a backup against its manifest, then put it into the data folder (owner-only) for the service to start on")
        {
            from, dataDir, force,
        };
        // Restoring is into a place named or configured, never into a data/ found somewhere above.
        command.SetAction(parse => Run(parse, parse.GetValue(dataDir), lookUpwards: false, storage =>
        {
            var source = Path.GetFullPath(parse.GetValue(from)!);
            var (manifest, error) = ServiceRestore.Run(source, storage, parse.GetValue(force));
            return (error, manifest is null ? null
                : $"restored {manifest.Files.Count} files from {source} (made {manifest.CreatedAt}) into {storage.DataDirectory}: {Head(manifest)}");
        }));
        return command;
    }

    /// <summary>
    /// The steps both subcommands share: find the service's storage, run <paramref name="work"/> on it, and print its
    /// summary (null when refused) or its refusal; the file system's and SQLite's failures become one line each, as the user's to fix.
    /// </summary>
    private static int Run(ParseResult parse, string? dataDir, bool lookUpwards,
        Func<ServiceStorage, (string? Error, string? Summary)> work)
    {
        var stderr = parse.InvocationConfiguration.Error;
        var (storage, refusal) = ServiceStorage.Resolve(Environment(), dataDir, Directory.GetCurrentDirectory(), lookUpwards);
        if (storage is null)
        {
            stderr.WriteLine($"iamgov: {refusal}");
            return CliApp.CouldNotRun;
        }
        string? error;
        string? summary;
        try
        {
            (error, summary) = work(storage);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Data.Common.DbException)
        {
            (error, summary) = (MessageText.OneLine(e.Message), null);
        }
        catch (DllNotFoundException)
        {
            (error, summary) = ("copying a SQLite database needs the machine's SQLite library (libsqlite3, as Debian's libsqlite3-0); install it", null);
        }
        if (summary is null)
        {
            stderr.WriteLine($"iamgov: {error}");
            return CliApp.CouldNotRun;
        }
        parse.InvocationConfiguration.Output.WriteLine(summary);
        return 0;
    }

    private static string Head(BackupManifest manifest)
        => manifest.AuditHead is { } h ? $"audit head at event {h.Sequence}" : "no audit events";

    /// <summary>The service's settings as it reads them from the environment (<c>Governance__Database__Provider</c>, …).</summary>
    private static IConfiguration Environment() => new ConfigurationBuilder().AddEnvironmentVariables().Build();
}
