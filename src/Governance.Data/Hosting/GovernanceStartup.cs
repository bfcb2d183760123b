using System.Data.Common;
using Governance.Core.AuditTrail.Checkpoints;
using Governance.Core.Infrastructure.Aws;
using Governance.Core.Infrastructure.Data;
using Governance.Core.OrganizationCopy;
using Governance.Core.Policies;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Governance.Core.Hosting;

/// <summary>What the API and the worker do before they serve or fire anything, so that a broken file or setting stops the start.</summary>
public static class GovernanceStartup
{
    /// <summary>
    /// Applies the database migrations, loads the policies and the audit checkpoint key, reads the account from IAM when it comes from there, seeds
    /// the organisation copy on the first start, and reads its newest version.
    /// </summary>
    /// <remarks>
    /// With <c>Governance:Account:Source=Aws</c> the first start must read the account, or the process would answer from
    /// the demo seed as if it were the real account; later starts keep the last copy when IAM cannot be read, and the
    /// refresh job tries again.
    /// </remarks>
    /// <returns>The read from IAM at start, or null when the account does not come from IAM.</returns>
    /// <exception cref="InvalidOperationException">The first read of a live account failed; the message says why in one line.</exception>
    public static async Task<CopyRefresh?> InitializeAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        await using (var scope = services.CreateAsyncScope())
        {
            // A worker may start before the API ever has: the database must exist before the first firing.
            await MigrateAsync(scope.ServiceProvider.GetRequiredService<GovernanceDbContext>(), cancellationToken).ConfigureAwait(false);
        }
        _ = services.GetRequiredService<GovernancePolicies>();
        // The checkpoint key is read (or created) now, so that a key others can read, or a corrupt one, stops the start.
        _ = services.GetRequiredService<IAuditCheckpointSigner>();
        CopyRefresh? read = null;
        if (services.GetService<ILiveCopyRefresher>() is { } live)
        {
            read = await live.LoadAtStartAsync(cancellationToken).ConfigureAwait(false);
            if (!read.Success && read.FirstStart)
            {
                throw new InvalidOperationException(read.Description);
            }
        }
        else
        {
            var paths = services.GetRequiredService<GovernancePaths>();
            await services.GetRequiredService<OrganizationStore>().SeedAsync(_ =>
            {
                var (files, source, errors) = OrganizationSeed.Read(paths);
                return files is not null
                    ? Task.FromResult(files)
                    : throw new InvalidDataException($"the organisation snapshot `{source}` cannot be read: {string.Join("; ", errors.Take(5))}");
            }, $"seed from {Path.GetFileName(paths.OrganizationSeed)}", cancellationToken).ConfigureAwait(false);
        }
        // The newest version is read now, so a copy that cannot be read stops the start rather than the first question.
        _ = await services.GetRequiredService<OrganizationStore>().CurrentAsync(cancellationToken).ConfigureAwait(false);
        return read;
    }

    /// <summary>Migrates the database, turning a database that cannot be used into one line naming it.</summary>
    /// <exception cref="InvalidDataException">The database cannot be opened, written or migrated.</exception>
    private static async Task MigrateAsync(GovernanceDbContext db, CancellationToken cancellationToken)
    {
        var connectionString = db.Database.GetConnectionString() ?? "";
        if (db.Provider == DatabaseProvider.Sqlite && DatabaseFile.SqliteRefusal(connectionString) is { } refusal)
        {
            throw new InvalidDataException($"Governance:Database: {refusal}");
        }
        try
        {
            await GovernanceDatabase.MigrateAsync(db, cancellationToken).ConfigureAwait(false);
        }
        catch (DbException e)
        {
            throw new InvalidDataException(
                $"Governance:Database: the database {DatabaseFile.Describe(db.Provider, connectionString)} cannot be opened or migrated: {e.Message}", e);
        }
    }
}
