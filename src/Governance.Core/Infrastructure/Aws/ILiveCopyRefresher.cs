namespace Governance.Core.Infrastructure.Aws;

/// <summary>
/// Reads the organisation copy from AWS: one account's IAM (<c>Governance:Account:Source=Aws</c>) or the whole
/// organisation (<c>Governance:Organization:Source=Aws</c>). Registered only when one of them is set.
/// </summary>
public interface ILiveCopyRefresher
{
    /// <summary>Reads the source and writes it as the copy's next version; a failed read keeps the copy as it is.</summary>
    Task<CopyRefresh> RefreshAsync(CancellationToken cancellationToken);

    /// <summary>
    /// The read at the start of a process. With an empty copy it must succeed, or the process would answer from nothing
    /// (<see cref="CopyRefresh.FirstStart"/>); later starts refresh, keeping the copy when AWS cannot be read.
    /// </summary>
    Task<CopyRefresh> LoadAtStartAsync(CancellationToken cancellationToken);
}
