namespace Governance.Cli.Simulation;

/// <summary>
/// A request the AWS CLI or AWS would refuse, worded as the AWS CLI prints it: botocore's parameter validation
/// (<c>Parameter validation failed:</c>) before the call, or the service's error code and message after it.
/// </summary>
/// <param name="Lines">The error's lines, each printed after <c>iamgov: </c>.</param>
internal sealed record AwsCliError(IReadOnlyList<string> Lines)
{
    /// <summary>The operation's name as the AWS CLI quotes it.</summary>
    public const string Operation = "SimulateCustomPolicy";

    /// <summary>Errors found by botocore's validator (botocore/validate.py) before any call; one line each.</summary>
    public static AwsCliError ParameterValidation(IEnumerable<string> problems)
        => new([.. problems.Select(static p => $"Parameter validation failed: {p}")]);

    /// <summary>An error the service answers, as <c>An error occurred (CODE) when calling the SimulateCustomPolicy operation: …</c>.</summary>
    public static AwsCliError Service(string code, IEnumerable<string> messages)
        => new([.. messages.Select(m => $"An error occurred ({code}) when calling the {Operation} operation: {m}")]);

    /// <summary>A value that could not be read at all (a missing file, text that is not JSON): the place and what was expected.</summary>
    public static AwsCliError Input(string message) => new([message]);
}
