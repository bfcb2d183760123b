using System.Collections.Immutable;
using Governance.Core.Access;

namespace Governance.Cli.Inputs;

/// <summary>Everything an access question needs, read and checked.</summary>
internal sealed record QuestionInputs(
    AccountAuthorizer Authorizer,
    Guardrails Guardrails,
    ImmutableArray<KeyValuePair<string, ImmutableArray<string>>> Context,
    bool Json,
    ImmutableArray<string> Warnings);
