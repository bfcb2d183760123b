namespace Governance.Cli.Commands;

/// <summary>How <c>iamgov drift</c> prints its findings.</summary>
internal enum DriftFormat
{
    /// <summary>Two lines per finding, for people.</summary>
    Text,

    /// <summary><c>{"findings":[{"kind","principal","severity","detail"}]}</c>, for CI.</summary>
    Json,
}
