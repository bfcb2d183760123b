namespace Governance.Cli.Simulation;

/// <summary>The error codes SimulateCustomPolicy answers with (https://docs.aws.amazon.com/IAM/latest/APIReference/API_SimulateCustomPolicy.html).</summary>
internal static class ServiceErrorCodes
{
    /// <summary>A policy document AWS would not accept.</summary>
    public const string MalformedPolicyDocument = "MalformedPolicyDocument";

    /// <summary>A value out of range or of the wrong form (InvalidInputException).</summary>
    public const string InvalidInput = "InvalidInput";

    /// <summary>A member outside the model's constraints (length, pattern), refused by AWS's request validation.</summary>
    public const string ValidationError = "ValidationError";
}
