using Governance.Core.Infrastructure.Data;
using Governance.Core.Workflow.Requests;

namespace Governance.Api;

/// <summary>The API's log messages, each with a fixed event id. Request bodies are never logged.</summary>
/// <remarks>
/// Every value in a message is a constant, an id the service made (GUIDs, session names), a name the service checked
/// (permission sets, actor ids under <see cref="Governance.Core.Identity.ActorIdRule"/>), or passed through
/// <see cref="Printable"/>: nothing a caller sends can start a new line in the console log.
/// </remarks>
internal static partial class ApiLog
{
    /// <summary><paramref name="text"/> with control and invisible characters written as <c>\uXXXX</c>, for caller-chosen text in a message.</summary>
    public static string Printable(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!text.Any(IsHidden))
        {
            return text;
        }
        var builder = new System.Text.StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            builder.Append(IsHidden(c) ? $"\\u{(int)c:X4}" : c);
        }
        return builder.ToString();
    }

    private static bool IsHidden(char c) => System.Globalization.CharUnicodeInfo.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.Control
        or System.Globalization.UnicodeCategory.Format or System.Globalization.UnicodeCategory.LineSeparator
        or System.Globalization.UnicodeCategory.ParagraphSeparator or System.Globalization.UnicodeCategory.Surrogate;

    [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "Access request {RequestId} for {PermissionSet} submitted by {Requester}: {Status}")]
    public static partial void RequestSubmitted(this ILogger logger, Guid requestId, string permissionSet, string requester, AccessRequestStatus status);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Information, Message = "Access request {RequestId} {Decision} by {Actor}: now {Status}")]
    public static partial void RequestDecided(this ILogger logger, Guid requestId, string decision, string actor, AccessRequestStatus status);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Information, Message = "Grant {GrantId} revoked by {Actor}")]
    public static partial void GrantRevoked(this ILogger logger, Guid grantId, string actor);

    [LoggerMessage(EventId = 1004, Level = LogLevel.Warning, Message = "{Operation} refused: {Code}")]
    public static partial void OperationRefused(this ILogger logger, string operation, string code);

    [LoggerMessage(EventId = 1005, Level = LogLevel.Warning, Message = "Audit chain verification failed at event {Sequence}")]
    public static partial void AuditChainBroken(this ILogger logger, long? sequence);

    [LoggerMessage(EventId = 1006, Level = LogLevel.Debug, Message = "Bad request ({StatusCode}) at field {Field}")]
    public static partial void BadRequest(this ILogger logger, int statusCode, string field);

    [LoggerMessage(EventId = 1007, Level = LogLevel.Information, Message = "Governance data in {DataDirectory} on {Provider}; policies from {PoliciesDirectory}")]
    public static partial void Started(this ILogger logger, string dataDirectory, DatabaseProvider provider, string policiesDirectory);

    [LoggerMessage(EventId = 1008, Level = LogLevel.Information, Message = "Organisation copy read from AWS: {Description}")]
    public static partial void LiveCopyLoaded(this ILogger logger, string description);

    [LoggerMessage(EventId = 1009, Level = LogLevel.Warning, Message = "Organisation copy not read from AWS: {Description}")]
    public static partial void LiveCopyKept(this ILogger logger, string description);

    /// <remarks>Names the session, never the secret access key or the session token.</remarks>
    [LoggerMessage(EventId = 1010, Level = LogLevel.Information, Message = "Credentials for grant {GrantId} issued to {Actor}: session {SessionName}, STS request {StsRequestId}, until {Expiration}")]
    public static partial void CredentialsIssued(this ILogger logger, Guid grantId, string actor, string sessionName, string? stsRequestId, DateTimeOffset expiration);

    /// <remarks>The exception's type and message only: a connection string never reaches them.</remarks>
    [LoggerMessage(EventId = 1030, Level = LogLevel.Warning, Message = "The database did not answer {Method} {Path}: {ExceptionType}: {Reason}")]
    public static partial void DatabaseUnavailable(this ILogger logger, string method, string path, string exceptionType, string reason);

    /// <remarks>The failure's type and its message made printable: it may hold a provider's error description.</remarks>
    [LoggerMessage(EventId = 1040, Level = LogLevel.Warning, Message = "A console sign-in at the authority failed: {FailureType}: {Reason}")]
    public static partial void ConsoleSignInFailed(this ILogger logger, string failureType, string reason);

    [LoggerMessage(EventId = 1020, Level = LogLevel.Information, Message = "Audit checkpoints signed with key {KeyId} ({KeyFile}), written to {Folder}")]
    public static partial void AuditCheckpoints(this ILogger logger, string keyId, string keyFile, string folder);

    [LoggerMessage(EventId = 1021, Level = LogLevel.Warning, Message = "Audit checkpoints use this node's own key file and folder on PostgreSQL; with several nodes or a worker, set Governance:Audit:Checkpoints:KeyFile and :Folder to one key and a folder they share")]
    public static partial void AuditCheckpointsLocal(this ILogger logger);
}
