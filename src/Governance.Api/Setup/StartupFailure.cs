using Microsoft.Extensions.Options;

namespace Governance.Api.Setup;

/// <summary>The errors that stop the service at start because of its settings or its files, not a bug.</summary>
/// <remarks>
/// A bad setting, an unreadable snapshot or policies folder, or an account IAM would not give are the operator's to
/// fix: the service says what is wrong in one line and exits 1, rather than ending on a stack trace.
/// </remarks>
internal static class StartupFailure
{
    /// <summary>The exit code of a service that could not start.</summary>
    public const int ExitCode = 1;

    public static bool IsOperatorError(Exception e)
        => e is InvalidOperationException or InvalidDataException or FileNotFoundException or DirectoryNotFoundException
            or OptionsValidationException or UnauthorizedAccessException;

    public static int Report(Exception e)
    {
        ArgumentNullException.ThrowIfNull(e);
        Console.Error.WriteLine($"Governance.Api: cannot start: {e.Message}");
        return ExitCode;
    }
}
