using System.Runtime.InteropServices;

namespace Governance.Core.Hosting;

/// <summary>
/// Makes every file and folder the service creates from now on its owner's alone (umask 077): the database and
/// SQLite's <c>-wal</c> and <c>-shm</c> files, the organisation copy, drift reports, the scheduler's run history and keys,
/// whichever code writes them. The data folder is created 0700 on its own (<see cref="DataFolder"/>).
/// </summary>
public static class OwnerOnlyCreation
{
    private const uint GroupAndOthers = 0b000_111_111; // 077

    /// <summary>Sets the process's umask to 077; called first by the service's entry points. Nothing on Windows, which has no umask.</summary>
    public static void Apply()
    {
        if (OperatingSystem.IsLinux() || OperatingSystem.IsMacOS() || OperatingSystem.IsFreeBSD())
        {
            _ = NativeMethods.umask(GroupAndOthers);
        }
    }

    private static class NativeMethods
    {
        [DllImport("libc", SetLastError = false)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
#pragma warning disable SYSLIB1054 // LibraryImport needs unsafe blocks allowed, for one call that passes and returns a uint.
        internal static extern uint umask(uint mask);
#pragma warning restore SYSLIB1054
    }
}
