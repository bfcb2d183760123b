namespace Governance.Cli.Tests.Commands;

/// <summary>Tests that set <c>IAMGOV_*</c> variables run alone: the environment belongs to the process.</summary>
[CollectionDefinition(CredentialsCommandEnvironmentTests.Name, DisableParallelization = true)]
public sealed class IamgovEnvironmentCollection;
