using System.Globalization;
using System.Text.Encodings.Web;
using Governance.Cli.Remote;

namespace Governance.Cli.Answers;

/// <summary>The JSON the AWS CLI and SDKs read from a <c>credential_process</c> program's standard output.</summary>
/// <remarks>Fields in the documented order; <c>Expiration</c> in ISO 8601 UTC, so the caller knows when to run the
/// process again. Keys and tokens keep their <c>+</c> and <c>/</c> as written: the output goes to a JSON reader, never
/// into HTML.</remarks>
internal static class CredentialProcessJson
{
    public static string Render(ProcessCredentials credentials) => JsonText.Render(json =>
    {
        json.WriteStartObject();
        json.WriteNumber("Version", 1);
        json.WriteString("AccessKeyId", credentials.AccessKeyId);
        json.WriteString("SecretAccessKey", credentials.SecretAccessKey);
        json.WriteString("SessionToken", credentials.SessionToken);
        json.WriteString("Expiration", credentials.Expiration.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
        json.WriteEndObject();
    }, encoder: JavaScriptEncoder.UnsafeRelaxedJsonEscaping);
}
