using Microsoft.Extensions.Options;

namespace Governance.Core.Hosting;

/// <summary>The errors that stop the service at start because of its settings or its files, not a bug.</summary>
/// <remarks>
/// A bad setting, an unreadable snapshot or policies folder, or an account IAM would not give are the operator's to
/// fix: the service says what is wrong in one line and exits 1, rather than ending on a stack trace.
/// </remarks>
public static class StartupFailure
{
    /// <summary>The exit code of a service that could not start.</summary>
    public const int ExitCode = 1;

    /// <summary>Whether <paramref name="e"/> is the operator's to fix rather than a bug.</summary>
    public static bool IsOperatorError(Exception e)
        => e is InvalidOperationException or InvalidDataException or FileNotFoundException or DirectoryNotFoundException
            or OptionsValidationException or UnauthorizedAccessException;

    /// <summary>Writes <c>PROGRAM: cannot start: MESSAGE</c> on standard error and returns the exit code.</summary>
    public static int Report(string program, Exception e)
    {
        ArgumentNullException.ThrowIfNull(e);
        // One line, whatever the message holds (a driver's message may span several).
        var message = string.Join("; ", e.Message.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Console.Error.WriteLine($"{program}: cannot start: {message}");
        return ExitCode;
    }
}
