using System.CommandLine;
using System.Reflection;
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
        command.SetAction(parse =>
        {
            var stderr = parse.InvocationConfiguration.Error;
            var (storage, refusal) = ServiceStorage.Resolve(Environment(), parse.GetValue(dataDir), Directory.GetCurrentDirectory(), lookUpwards: true);
            if (storage is null)
            {
                stderr.WriteLine($"iamgov: {refusal}");
                return CliApp.CouldNotRun;
            }
            var target = Path.GetFullPath(parse.GetValue(to)!);
            var (manifest, error) = Guard(() => ServiceBackup.Run(storage, target, time.GetUtcNow(), Version));
            if (manifest is null)
            {
                stderr.WriteLine($"iamgov: {error}");
                return CliApp.CouldNotRun;
            }
            var head = manifest.AuditHead is { } h ? $"audit head at event {h.Sequence}" : "no audit events";
            parse.InvocationConfiguration.Output.WriteLine($"backed up {storage.DataDirectory} to {target}: {manifest.Files.Count} files, {head}");
            return 0;
        });
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
        command.SetAction(parse =>
        {
            var stderr = parse.InvocationConfiguration.Error;
            // Restoring is into a place named or configured, never into a data/ found somewhere above.
            var (storage, refusal) = ServiceStorage.Resolve(Environment(), parse.GetValue(dataDir), Directory.GetCurrentDirectory(), lookUpwards: false);
            if (storage is null)
            {
                stderr.WriteLine($"iamgov: {refusal}");
                return CliApp.CouldNotRun;
            }
            var source = Path.GetFullPath(parse.GetValue(from)!);
            var (manifest, error) = Guard(() => ServiceRestore.Run(source, storage, parse.GetValue(force)));
            if (manifest is null)
            {
                stderr.WriteLine($"iamgov: {error}");
                return CliApp.CouldNotRun;
            }
            var head = manifest.AuditHead is { } h ? $"audit head at event {h.Sequence}" : "no audit events";
            parse.InvocationConfiguration.Output.WriteLine($"restored {manifest.Files.Count} files from {source} (made {manifest.CreatedAt}) into {storage.DataDirectory}: {head}");
            return 0;
        });
        return command;
    }

    /// <summary>The file system's and SQLite's failures as one line each, as the user's to fix.</summary>
    private static (BackupManifest? Manifest, string? Error) Guard(Func<(BackupManifest?, string?)> run)
    {
        try
        {
            return run();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Data.Common.DbException)
        {
            return (null, MessageText.OneLine(e.Message));
        }
        catch (DllNotFoundException)
        {
            return (null, "copying a SQLite database needs the machine's SQLite library (libsqlite3, as Debian's libsqlite3-0); install it");
        }
    }

    /// <summary>The service's settings as it reads them from the environment (<c>Governance__Database__Provider</c>, …).</summary>
    private static IConfiguration Environment() => new ConfigurationBuilder().AddEnvironmentVariables().Build();

    private static string Version =>
        typeof(AdminCommand).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "unknown";
}
