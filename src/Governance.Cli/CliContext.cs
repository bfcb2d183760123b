using Governance.Core.Infrastructure.Aws;

namespace Governance.Cli;

/// <summary>
/// What a command reads besides its arguments: standard input (the file named <c>-</c>), the clock and the AWS
/// environment variables. Passed to each command when the tree is built, so tests run commands in-process with their own.
/// </summary>
/// <param name="StandardInput">Read where a file argument is <c>-</c>.</param>
/// <param name="Time">The clock: token lifetimes, report dates.</param>
/// <param name="Aws">The AWS environment variables (<c>AWS_PROFILE</c>, <c>AWS_ENDPOINT_URL</c>, …).</param>
internal sealed record CliContext(Stream StandardInput, TimeProvider Time, AwsEnvironment Aws);
