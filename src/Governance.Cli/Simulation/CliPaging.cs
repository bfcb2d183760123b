namespace Governance.Cli.Simulation;

/// <summary>The AWS CLI's paging options, <c>--max-items</c> and <c>--starting-token</c>, apart from the API's MaxItems and Marker.</summary>
/// <param name="MaxItems">How many results to print at most; null for all.</param>
/// <param name="StartingToken">The NextToken of an earlier run; null to start at the first result.</param>
internal sealed record CliPaging(int? MaxItems, string? StartingToken);
