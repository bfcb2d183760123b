using Governance.Core.Accounts.Questions;

namespace Governance.Cli.Inputs;

/// <summary>Checks the action and resource of a question before any policy is read (the checks live in <see cref="RequestChecks"/>).</summary>
internal static class RequestInputs
{
    public static InputError? CheckAction(string action) => RequestChecks.CheckAction(action) is { } error ? new InputError(error) : null;

    public static InputError? CheckResource(string resource) => RequestChecks.CheckResource(resource) is { } error ? new InputError(error) : null;
}
