using System.CommandLine;
using System.Data.Common;
using System.Text.Json;
using System.Text.Json.Serialization;
using Governance.Core.AuditTrail;
using Governance.Core.AuditTrail.Checkpoints;
using Governance.Cli.Inputs;

namespace Governance.Cli.Commands;

/// <summary>
/// <c>iamgov audit-log verify (--database FILE | --events FILE) --checkpoints DIR --public-key FILE [-o text|json] [--output-file FILE]</c>:
/// verifies the audit trail offline, without the service, as an auditor would; and <c>iamgov audit-log export</c>, which
/// writes a SQLite database's chain as JSON lines (<c>GET /v1/audit/export</c> does the same on any database).
/// </summary>
/// <remarks>Exit codes: 0 the trail verifies, 1 it was tampered with, 2 usage or unreadable input.</remarks>
internal static class AuditLogCommand
{
    /// <summary>The exit code of a trail that does not verify.</summary>
    public const int Tampered = 1;

    private const string NoSqlite = "reading a SQLite database needs the machine's SQLite library (libsqlite3, as Debian's libsqlite3-0); "
        + "install it, or verify an export with `--events`";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
    };

    public static Command Create(CliContext context)
    {
        var command = new Command("audit-log", "verify the governance service's audit trail offline, or export it");
        command.Subcommands.Add(CreateVerify(context.StandardInput));
        command.Subcommands.Add(CreateExport());
        return command;
    }

    private static Command CreateVerify(Stream standardInput)
    {
        var database = new Option<FileInfo?>("--database") { Description = "the service's SQLite database (data/governance.db), opened read-only", HelpName = "FILE" };
        var events = Inputs.InputFileOption.Single("--events", "an export of the chain as JSON lines (GET /v1/audit/export or `iamgov audit-log export`)");
        var checkpoints = new Option<DirectoryInfo>("--checkpoints") { Description = "the folder of signed checkpoints (data/audit-checkpoints)", Required = true, HelpName = "DIR" };
        var publicKey = Inputs.InputFileOption.Single("--public-key", "the checkpoints' public key, PEM (GET /v1/audit/public-key)", required: true);
        var output = OutputOption.Create("text (for people) or json (stable, for scripts)", "text", "json");
        var outputFile = OutputFileOption.Create();
        var command = new Command("verify", "check the audit chain against its signed checkpoints and the public key; exit 0 valid, 1 tampered, 2 unreadable input")
        {
            database, events, checkpoints, publicKey, output, outputFile,
        };
        command.SetAction((parse, cancellationToken) => OutputDestination.RunAsync(parse, outputFile, stdout => VerifyAsync(parse, stdout, standardInput,
            parse.GetValue(database), parse.GetValue(events), parse.GetValue(checkpoints)!, parse.GetValue(publicKey)!, parse.GetValue(output) == "json",
            cancellationToken)));
        return command;
    }

    private static Command CreateExport()
    {
        var database = new Option<FileInfo>("--database") { Description = "the service's SQLite database (data/governance.db), opened read-only", Required = true, HelpName = "FILE" };
        var format = OutputOption.Create("json: one event a line, as GET /v1/audit/export writes them", "json");
        var output = OutputFileOption.Create();
        var command = new Command("export", "write the audit chain of a SQLite database as JSON lines, for `audit-log verify --events`") { database, format, output };
        command.SetAction((parse, cancellationToken) => ExportAsync(parse, parse.GetValue(database)!, parse.GetValue(output), cancellationToken));
        return command;
    }

    private static async Task<int> VerifyAsync(ParseResult parse, TextWriter stdout, Stream standardInput, FileInfo? database, string? events,
        DirectoryInfo checkpoints, string publicKey, bool json, CancellationToken cancellationToken)
    {
        var stderr = parse.InvocationConfiguration.Error;
        if ((database is null) == (events is null))
        {
            await stderr.WriteLineAsync("iamgov: give one of `--database` (a SQLite file) or `--events` (an export)").ConfigureAwait(false);
            return CliApp.UsageError;
        }
        if (!checkpoints.Exists)
        {
            await stderr.WriteLineAsync($"iamgov: --checkpoints {checkpoints}: no such folder").ConfigureAwait(false);
            return CliApp.UsageError;
        }
        if (database is not null && !database.Exists)
        {
            await stderr.WriteLineAsync($"iamgov: {Inputs.InputFile.DisplayName(database.ToString())}: no such file").ConfigureAwait(false);
            return CliApp.UsageError;
        }
        if (ReadKey(publicKey, standardInput, stderr) is not { } key)
        {
            return CliApp.UsageError;
        }
        byte[]? exported = null;
        if (events is not null)
        {
            var (bytes, readError) = Inputs.InputFile.Read(events, standardInput);
            if (bytes is null)
            {
                await stderr.WriteLineAsync($"iamgov: {readError}").ConfigureAwait(false);
                return CliApp.UsageError;
            }
            exported = bytes;
        }
        var store = new AuditCheckpointFolder(checkpoints.FullName);
        AuditTrailVerification result;
        try
        {
            result = database is not null
                ? await VerifyDatabaseAsync(database, store, key, cancellationToken).ConfigureAwait(false)
                : await VerifyExportAsync(exported!, store, key, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException or DbException)
        {
            var source = database?.ToString() ?? events!;
            await stderr.WriteLineAsync($"iamgov: {Inputs.InputFile.DisplayName(source)}: {OneLine(e.Message)}").ConfigureAwait(false);
            return CliApp.UsageError;
        }
        catch (DllNotFoundException)
        {
            await stderr.WriteLineAsync($"iamgov: {NoSqlite}").ConfigureAwait(false);
            return CliApp.UsageError;
        }
        await stdout.WriteLineAsync(json ? JsonSerializer.Serialize(Shape(result), Json) : Text(result)).ConfigureAwait(false);
        return result.Valid ? 0 : Tampered;
    }

    private static async Task<AuditTrailVerification> VerifyDatabaseAsync(FileInfo database, IAuditCheckpointStore store, AuditPublicKey key,
        CancellationToken cancellationToken)
    {
        if (!database.Exists)
        {
            throw new FileNotFoundException("the database file does not exist");
        }
        // Read-only, and never created: an auditor's check must not change what it checks.
        await using var db = ServiceDatabaseFile.OpenReadOnly(database);
        var triggers = await AuditAppendOnlyTriggers.InspectSqliteAsync(db, cancellationToken).ConfigureAwait(false);
        return await AuditTrailVerifier.VerifyAsync(new SqliteAuditEvents(db), store, key, triggers, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<AuditTrailVerification> VerifyExportAsync(byte[] events, IAuditCheckpointStore store, AuditPublicKey key,
        CancellationToken cancellationToken)
    {
        var stream = new MemoryStream(events, writable: false);
        await using (stream.ConfigureAwait(false))
        {
            return await AuditTrailVerifier.VerifyAsync(new AuditEventExport(stream), store, key, AuditTriggerStatus.NotChecked, cancellationToken)
                .ConfigureAwait(false);
        }
    }

    private static async Task<int> ExportAsync(ParseResult parse, FileInfo database, FileInfo? output, CancellationToken cancellationToken)
    {
        var stdout = parse.InvocationConfiguration.Output;
        var stderr = parse.InvocationConfiguration.Error;
        if (!database.Exists)
        {
            await stderr.WriteLineAsync($"iamgov: {Inputs.InputFile.DisplayName(database.ToString())}: no such file").ConfigureAwait(false);
            return CliApp.UsageError;
        }
        try
        {
            await using var db = ServiceDatabaseFile.OpenReadOnly(database);
            var source = new SqliteAuditEvents(db);
            if (output is null)
            {
                // One line at a time, so memory stays flat however long the chain is.
                await foreach (var e in source.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    await stdout.WriteAsync(System.Text.Encoding.UTF8.GetString(AuditEventExport.Line(e))).ConfigureAwait(false);
                }
                return 0;
            }
            var file = new FileStream(output.FullName, FileMode.Create, FileAccess.Write);
            await using (file.ConfigureAwait(false))
            {
                var count = await AuditEventExport.WriteAsync(source, file, cancellationToken).ConfigureAwait(false);
                await stdout.WriteLineAsync($"wrote {output}: {count} events").ConfigureAwait(false);
            }
            return 0;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or DbException)
        {
            await stderr.WriteLineAsync($"iamgov: {OneLine(e.Message)}").ConfigureAwait(false);
            return CliApp.UsageError;
        }
        catch (DllNotFoundException)
        {
            await stderr.WriteLineAsync($"iamgov: {NoSqlite}").ConfigureAwait(false);
            return CliApp.UsageError;
        }
    }

    private static AuditPublicKey? ReadKey(string path, Stream standardInput, TextWriter stderr)
    {
        var (bytes, readError) = Inputs.InputFile.Read(path, standardInput);
        if (bytes is null)
        {
            stderr.WriteLine($"iamgov: {readError}");
            return null;
        }
        var (key, error) = AuditPublicKey.FromPem(System.Text.Encoding.UTF8.GetString(bytes));
        if (key is null)
        {
            stderr.WriteLine($"iamgov: {Inputs.InputFile.DisplayName(path)}: {error}");
        }
        return key;
    }

    /// <summary>The same field names as <c>GET /v1/audit/verify</c>.</summary>
    private static object Shape(AuditTrailVerification r) => new
    {
        valid = r.Valid,
        events = r.Events,
        checkpointsVerified = r.CheckpointsVerified,
        lastCheckpointSequence = r.LastCheckpointSequence,
        eventsNotCheckpointed = r.EventsNotCheckpointed,
        headHash = r.HeadHash,
        problem = r.Problem is { } p ? new { kind = p.Kind, sequence = p.Sequence, message = p.Message } : null,
        triggers = new { state = r.Triggers.State, missing = r.Triggers.Missing },
    };

    private static string Text(AuditTrailVerification r)
    {
        var signed = r.LastCheckpointSequence is { } last ? $"signed up to event {last}" : "none signed";
        var triggers = r.Triggers.State switch
        {
            AuditTriggerState.Intact => "append-only triggers intact",
            AuditTriggerState.Missing => $"append-only triggers missing: {string.Join(", ", r.Triggers.Missing)}",
            _ => "append-only triggers not checked (an export)",
        };
        if (r.Problem is { } p)
        {
            return $"TAMPERED at event {p.Sequence} ({p.Kind}): {p.Message}\n{r.Events} events verified before it; {r.CheckpointsVerified} checkpoints verified; {triggers}";
        }
        return $"valid: {r.Events} events, {r.CheckpointsVerified} checkpoints verified ({signed}); "
            + $"{r.EventsNotCheckpointed} events not yet in a checkpoint are protected by the hash chain alone; {triggers}";
    }

    private static string OneLine(string message) => message.ReplaceLineEndings(" ").Trim();
}
